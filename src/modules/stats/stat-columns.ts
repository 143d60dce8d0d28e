import type { StatFigures } from '../../domain/stats/stat-checks';

/** The 基表 number columns: header, figure and whether it may have decimals. Headers are exactly those of issue 3. */
export const FIGURE_COLUMNS: {
  header: string;
  field: Exclude<keyof StatFigures, 'grades'>;
  db: string;
  decimal?: boolean;
  required?: boolean;
  example: string;
}[] = [
  { header: '在校生数', field: 'students', db: 'students', example: '612' },
  { header: '班级数', field: 'classes', db: 'classes', required: true, example: '14' },
  { header: '专任教师数', field: 'fullTimeTeachers', db: 'full_time_teachers', required: true, example: '36' },
  { header: '教职工数', field: 'staff', db: 'staff', required: true, example: '39' },
  { header: '高于规定学历专任教师数', field: 'aboveQualified', db: 'above_qualified', example: '28' },
  { header: '县级及以上骨干教师数', field: 'backbone', db: 'backbone', example: '7' },
  { header: '体育专任教师数', field: 'pe', db: 'pe_teachers', example: '3' },
  { header: '音乐专任教师数', field: 'music', db: 'music_teachers', example: '2' },
  { header: '美术专任教师数', field: 'art', db: 'art_teachers', example: '2' },
  {
    header: '教学及辅助用房面积(平方米)',
    field: 'teachingArea',
    db: 'teaching_area',
    decimal: true,
    example: '3120.5',
  },
  { header: '体育运动场馆面积(平方米)', field: 'sportsArea', db: 'sports_area', decimal: true, example: '4860' },
  { header: '教学仪器设备值(万元)', field: 'equipmentValue', db: 'equipment_value', decimal: true, example: '148.36' },
  { header: '网络多媒体教室数', field: 'multimediaRooms', db: 'multimedia_rooms', example: '16' },
  { header: '图书册数', field: 'books', db: 'books', example: '18900' },
  { header: '计算机台数', field: 'computers', db: 'computers', example: '72' },
  { header: '56-65人班级数', field: 'largeClasses', db: 'large_classes', example: '1' },
  { header: '66人及以上班级数', field: 'superLargeClasses', db: 'super_large_classes', example: '0' },
  { header: '中级及以上职称专任教师数', field: 'midTitle', db: 'mid_title', example: '15' },
];

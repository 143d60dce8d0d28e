import { creditCodeCheckChar } from '../domain/codes/credit-code';
import type { Ownership, SchoolType, UrbanRural } from '../domain/org/school-types';
import { Random } from './random';

/** The fictional demo county: 晋东市青禾县 (codes valid in form, not real places). */
export const DEMO_CITY = { code: '145500', name: '晋东市', provinceCode: '14' };
export const DEMO_COUNTY = { code: '145523', name: '青禾县', provinceCode: '14', cityCode: '145500' };
export const DEMO_SEED = 20241;
export const DEMO_PASSWORD = 'Demo@2024pass';

export interface DemoTownship {
  code: string;
  name: string;
  kind: '镇' | '乡';
  urban: boolean;
}

export const DEMO_TOWNSHIPS: DemoTownship[] = [
  { code: '145523100', name: '城关镇', kind: '镇', urban: true },
  { code: '145523101', name: '东河镇', kind: '镇', urban: false },
  { code: '145523102', name: '西岭镇', kind: '镇', urban: false },
  { code: '145523103', name: '石桥镇', kind: '镇', urban: false },
  { code: '145523104', name: '白水镇', kind: '镇', urban: false },
  { code: '145523200', name: '南庄乡', kind: '乡', urban: false },
  { code: '145523201', name: '北坪乡', kind: '乡', urban: false },
  { code: '145523202', name: '柳林乡', kind: '乡', urban: false },
  { code: '145523203', name: '杏花乡', kind: '乡', urban: false },
];

export interface DemoSchool {
  code: string;
  name: string;
  type: SchoolType;
  ownership: Ownership;
  urbanRural: UrbanRural;
  township: string;
  parentCode: string | null;
  creditCode: string | null;
  address: string;
  openedOn: string;
}

const VILLAGES = [
  '王家庄',
  '李家沟',
  '张村',
  '赵家洼',
  '河西',
  '前进',
  '红星',
  '新民',
  '太平',
  '永安',
  '兴隆',
  '马家岭',
  '刘家坪',
  '孙庄',
  '杨树湾',
  '高家堡',
  '后沟',
  '南沟',
  '上河',
  '下河',
  '东坡',
  '西坡',
  '石门',
  '柏树岭',
  '枣园',
  '桃花',
  '梨园',
  '龙泉',
  '凤凰',
  '古城',
];
const STREETS = ['解放路', '人民路', '建设路', '文化路', '府前街', '新华街', '青禾大道', '育才路'];
const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const CATEGORY: Record<SchoolType, string> = {
  kindergarten: '11',
  primary: '21',
  teaching_point: '21',
  junior: '31',
  nine_year: '31',
  complete_secondary: '34',
  senior: '34',
  vocational: '36',
  special: '51',
};

/** Builds the school list of the demo county, deterministically. */
export function demoSchools(): DemoSchool[] {
  const random = new Random(DEMO_SEED);
  const sequence: Record<string, number> = {};
  const schools: DemoSchool[] = [];
  const villages = [...VILLAGES];
  const nextVillage = () => villages.splice(random.int(0, villages.length - 1), 1)[0];

  const add = (
    township: DemoTownship,
    name: string,
    type: SchoolType,
    ownership: Ownership,
    options: { urbanRural?: UrbanRural; parentCode?: string; opened?: number } = {},
  ): DemoSchool => {
    const category = CATEGORY[type];
    sequence[category] = (sequence[category] ?? 0) + 1;
    const code = `${category}14${DEMO_COUNTY.code.slice(2)}${String(sequence[category]).padStart(2, '0')}`;
    let creditCode: string | null = null;
    if (type !== 'teaching_point') {
      const prefix = ownership === 'public' ? '12' : '52';
      const org = Array.from({ length: 9 }, () => ORG_CHARS[random.int(0, 30)]).join('');
      const body = `${prefix}${DEMO_COUNTY.code}${org}`;
      creditCode = body + creditCodeCheckChar(body);
    }
    const urbanRural =
      options.urbanRural ?? (township.urban ? 'urban' : name.includes(township.name) ? 'town' : 'rural');
    const year = options.opened ?? random.int(1950, 2012);
    const school: DemoSchool = {
      code,
      name,
      type,
      ownership,
      urbanRural,
      township: township.name,
      parentCode: options.parentCode ?? null,
      creditCode,
      address: township.urban
        ? `${DEMO_COUNTY.name}${township.name}${random.pick(STREETS)}${random.int(1, 200)}号`
        : `${DEMO_COUNTY.name}${township.name}${name.replace(township.name, '').slice(0, 3)}村`,
      openedOn: `${year}-09-01`,
    };
    schools.push(school);
    return school;
  };

  const [chengguan, ...rest] = DEMO_TOWNSHIPS;
  add(chengguan, '青禾县第一中学', 'senior', 'public', { opened: 1952 });
  add(chengguan, '青禾县第二中学', 'complete_secondary', 'public', { opened: 1958 });
  add(chengguan, '青禾县职业中学', 'vocational', 'public', { opened: 1984 });
  add(chengguan, '青禾县特殊教育学校', 'special', 'public', { opened: 2010 });
  add(chengguan, '城关镇第一初级中学', 'junior', 'public');
  add(chengguan, '城关镇第二初级中学', 'junior', 'public');
  add(chengguan, '青禾县实验小学', 'primary', 'public', { opened: 1950 });
  add(chengguan, '城关镇第一小学', 'primary', 'public');
  add(chengguan, '城关镇第二小学', 'primary', 'public');
  add(chengguan, '城关镇第三小学', 'primary', 'public');
  add(chengguan, '青禾县博雅实验学校', 'nine_year', 'private', { opened: 2008 });
  add(chengguan, '青禾县第一幼儿园', 'kindergarten', 'public', { opened: 1980 });
  add(chengguan, '青禾县第二幼儿园', 'kindergarten', 'public', { opened: 1996 });
  add(chengguan, '城关镇阳光幼儿园', 'kindergarten', 'inclusive_private', { opened: 2009 });
  add(chengguan, '城关镇童心幼儿园', 'kindergarten', 'inclusive_private', { opened: 2012 });
  add(chengguan, '城关镇小天使幼儿园', 'kindergarten', 'private', { opened: 2014 });

  rest.forEach((township, index) => {
    const town = township.kind === '镇';
    if (town || index % 2 === 0) {
      const center = add(township, `${township.name}中心小学`, 'primary', 'public');
      add(township, `${township.name}初级中学`, 'junior', 'public');
      for (let i = 0; i < (town ? 2 : 2); i++)
        add(township, `${township.name}${nextVillage()}小学`, 'primary', 'public', { urbanRural: 'rural' });
      add(township, `${township.name}${nextVillage()}教学点`, 'teaching_point', 'public', {
        urbanRural: 'rural',
        parentCode: center.code,
      });
    } else {
      const school = add(township, `${township.name}九年一贯制学校`, 'nine_year', 'public');
      for (let i = 0; i < 2; i++)
        add(township, `${township.name}${nextVillage()}小学`, 'primary', 'public', { urbanRural: 'rural' });
      add(township, `${township.name}${nextVillage()}教学点`, 'teaching_point', 'public', {
        urbanRural: 'rural',
        parentCode: school.code,
      });
      add(township, `${township.name}${nextVillage()}教学点`, 'teaching_point', 'public', {
        urbanRural: 'rural',
        parentCode: school.code,
      });
    }
    add(township, `${township.name}中心幼儿园`, 'kindergarten', 'public', { opened: random.int(2011, 2016) });
    if (town)
      add(
        township,
        `${township.name}${random.pick(['启明', '育英', '春苗', '金太阳'])}幼儿园`,
        'kindergarten',
        index % 2 === 0 ? 'inclusive_private' : 'private',
        { opened: random.int(2010, 2018) },
      );
  });
  return schools;
}

/** The dated changes in the demo county's history, applied after the schools exist. */
export const DEMO_HISTORY = {
  /** Renamed at the start of 2023-2024学年. */
  rename: {
    name: '城关镇第三小学',
    newName: '青禾县实验第二小学',
    effectiveDate: '2023-09-01',
    note: '县政府批复（青政函〔2023〕41号）',
  },
  /** A village school merged into the township's central school before 2024-2025学年, with its 教学点. */
  merge: { township: '西岭镇', effectiveDate: '2024-09-01', note: '生源不足，并入镇中心小学（青教发〔2024〕18号）' },
  /** A 教学点 closed after its last pupils moved. */
  close: { township: '柳林乡', effectiveDate: '2024-07-15', note: '在校生为0，按程序撤销' },
  /** A new public kindergarten opened for 2024-2025学年. */
  open: { name: '城关镇第三幼儿园', township: '城关镇', openedOn: '2024-09-01' },
};

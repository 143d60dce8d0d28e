import { composeIdNumber } from '../domain/codes/id-card';
import type { TeacherEvent } from '../domain/teachers/events';
import type { Subject } from '../domain/teachers/vocab';
import type { Random } from './random';

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
];
const GIVEN_FEMALE = [...'芳娜敏静丽艳娟霞燕玲婷雪琳洁慧莉萍红梅英华兰颖倩薇瑶欣悦晶蕾'];
const GIVEN_MALE = [...'伟强磊军勇杰涛明超刚平辉鹏斌波宇浩凯健峰亮俊志斌毅龙飞鑫晨阳'];
const GIVEN_ANY = [...'建国永海春秋晓宏文丽佳子雨思嘉晓立新玉德振'];

/** A plausible Chinese name: a common surname and a one- or two-character given name. */
export function personName(random: Random, sex: 'male' | 'female'): string {
  const own = sex === 'female' ? GIVEN_FEMALE : GIVEN_MALE;
  const given = random.chance(0.55) ? random.pick(GIVEN_ANY) + random.pick(own) : random.pick(own);
  return random.pick(SURNAMES) + given;
}

/** Hands out distinct valid ID numbers for people born in the demo county (顺序码 odd for men). */
export class IdNumbers {
  #used = new Set<string>();

  constructor(
    private readonly region: string,
    private readonly random: Random,
  ) {}

  next(birthDate: string, sex: 'male' | 'female'): string {
    for (;;) {
      const order = this.random.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
      const id = composeIdNumber(this.region, birthDate, order);
      if (!this.#used.has(id)) {
        this.#used.add(id);
        return id;
      }
    }
  }
}

/** A birth date for someone `age` years old on `onDate` (month and day spread over the year before it). */
export function birthDateFor(random: Random, age: number, onDate: string): string {
  const year = Number(onDate.slice(0, 4)) - age - (random.chance(0.6) ? 1 : 0);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Keep the exact age on onDate: born after onDate's month-day in the earlier year, or before it in the later one.
  const birthday = `${Number(onDate.slice(0, 4))}${date.slice(4)}`;
  const ageThen = Number(onDate.slice(0, 4)) - year - (birthday > onDate ? 1 : 0);
  return ageThen === age ? date : `${year + (ageThen - age)}${date.slice(4)}`;
}

export type Location = 'urban' | 'town' | 'rural';

/** A generated person and the events of their career, each with the day it was recorded. */
export interface DemoPerson {
  key: number;
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  location: Location;
  events: { event: TeacherEvent; recordedAt: string }[];
}

/** A value drawn with the given weights. */
export function weighted<T>(random: Random, pool: readonly (readonly [T, number])[]): T {
  let pick = random.next() * pool.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of pool) {
    pick -= weight;
    if (pick < 0) return value;
  }
  return pool[0][0];
}

export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Main subjects of 专任教师 by 学段, weighted by their share of the timetable (体音美 are placed apart). */
export const SUBJECT_POOL: Record<string, [Subject, number][]> = {
  preschool: [['preschool', 1]],
  primary: [
    ['chinese', 35],
    ['math', 30],
    ['english', 10],
    ['science', 8],
    ['morality_law', 7],
    ['it', 4],
    ['mental_health', 2],
    ['labor', 4],
  ],
  junior: [
    ['chinese', 17],
    ['math', 17],
    ['english', 15],
    ['physics', 9],
    ['chemistry', 7],
    ['biology', 7],
    ['history', 7],
    ['geography', 7],
    ['morality_law', 8],
    ['it', 4],
    ['mental_health', 2],
  ],
  senior: [
    ['chinese', 15],
    ['math', 15],
    ['english', 15],
    ['physics', 10],
    ['chemistry', 9],
    ['biology', 9],
    ['history', 8],
    ['geography', 8],
    ['politics', 8],
    ['it', 3],
  ],
  vocational: [
    ['vocational_specialty', 60],
    ['chinese', 14],
    ['math', 13],
    ['english', 13],
  ],
  special: [['special_education', 1]],
};

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate } from '../../domain/period';
import {
  BACKBONE_LEVELS,
  BACKBONE_TIERS,
  EDUCATION_LEVELS,
  ESTABLISHMENTS,
  ETHICS_RESULTS,
  HONOR_LEVELS,
  POSTS,
  RECRUITMENT_CHANNELS,
  SUBJECTS,
  TEACHER_STAGES,
  TITLES,
  TRAINING_LEVELS,
  TRANSFER_KINDS,
} from '../../domain/teachers/vocab';
import { requirePermission, resolveCounty } from '../../platform/scope';
import type { ServerContext } from '../../server/context';
import { type EventInput, hireTeacher, recordEvent, revokeEvent } from './record-event';
import { listTeachers, revealTeacherField, teacherDetail } from './teachers.repository';
import { teacherSummary } from './teachers-summary';
import { listTrainingCourses, trainingCourse } from './training.repository';

const keys = <T extends Record<string, unknown>>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
const date = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');
const year = z.coerce.number().int().min(1990).max(2100);
const optional = <T extends z.ZodType>(schema: T) => schema.optional();

/** Each event kind's form fields, checked here; the roster rules (一票否决, 已退休…) are checked by the domain. */
const eventBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('transfer'),
    effective: date,
    toSchoolId: z.number().int().positive(),
    transferKind: z.enum(keys(TRANSFER_KINDS)),
    stage: optional(z.enum(keys(TEACHER_STAGES))),
    post: optional(z.enum(keys(POSTS))),
    subject: optional(z.enum(keys(SUBJECTS)).nullable()),
  }),
  z.object({
    kind: z.literal('assignment'),
    effective: date,
    stage: optional(z.enum(keys(TEACHER_STAGES))),
    post: optional(z.enum(keys(POSTS))),
    subject: optional(z.enum(keys(SUBJECTS)).nullable()),
    establishment: optional(z.enum(keys(ESTABLISHMENTS))),
  }),
  z.object({ kind: z.literal('education'), effective: date, education: z.enum(keys(EDUCATION_LEVELS)) }),
  z.object({
    kind: z.literal('title_promotion'),
    effective: date,
    title: z.enum(keys(TITLES)),
    reviewYear: optional(year),
  }),
  z.object({ kind: z.literal('appointment'), effective: date, title: z.enum(keys(TITLES)) }),
  z.object({
    kind: z.literal('backbone'),
    effective: date,
    level: z.enum(keys(BACKBONE_LEVELS)),
    tier: optional(z.enum(keys(BACKBONE_TIERS))),
    year,
    until: optional(date),
  }),
  z.object({
    kind: z.literal('honor'),
    effective: date,
    level: z.enum(keys(HONOR_LEVELS)),
    name: z.string().trim().min(2, '请填写表彰名称').max(100),
    year,
  }),
  z.object({ kind: z.literal('ethics_review'), effective: date, year, result: z.enum(keys(ETHICS_RESULTS)) }),
  z.object({
    kind: z.literal('leave'),
    effective: date,
    to: optional(date),
    reason: optional(z.string().trim().max(100)),
  }),
  z.object({ kind: z.literal('return'), effective: date }),
  z.object({ kind: z.literal('retirement'), effective: date }),
  z.object({ kind: z.literal('resignation'), effective: date }),
  z.object({ kind: z.literal('death'), effective: date }),
]);

const hireBody = z.object({
  idNumber: z.string().trim().min(1, '请填写身份证号'),
  name: z.string().trim().min(1, '请填写姓名').max(40),
  ethnicity: z.string().trim().max(20).nullish(),
  phone: z.string().trim().max(20).nullish(),
  effective: date,
  schoolId: z.number().int().positive(),
  stage: z.enum(keys(TEACHER_STAGES)),
  post: z.enum(keys(POSTS)),
  subject: z.enum(keys(SUBJECTS)).nullable(),
  channel: z.enum(keys(RECRUITMENT_CHANNELS)),
  establishment: z.enum(keys(ESTABLISHMENTS)),
  education: z.enum(keys(EDUCATION_LEVELS)),
  title: optional(z.enum(keys(TITLES))),
  appointedTitle: optional(z.enum(keys(TITLES)).nullable()),
});

export async function teacherRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ id: z.coerce.number().int().positive() });

  api.get(
    '/api/teachers',
    {
      schema: {
        tags: ['教师队伍'],
        summary: '教师名册（当前状态，可筛选、分页；身份证号脱敏）',
        querystring: z.object({
          county: z.string().optional(),
          q: z.string().trim().max(60).optional(),
          school: z.coerce.number().int().optional(),
          township: z.coerce.number().int().optional(),
          status: z.enum(['employed', 'left', 'all']).default('employed'),
          post: z.string().optional(),
          subject: z.string().optional(),
          stage: z.string().optional(),
          title: z.string().optional(),
          channel: z.string().optional(),
          establishment: z.string().optional(),
          ageFrom: z.coerce.number().int().min(16).max(80).optional(),
          ageTo: z.coerce.number().int().min(16).max(80).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'teacher.read');
      const { county, school, township, ...rest } = request.query;
      const countyCode = resolveCounty(request.viewer.scope, county);
      return listTeachers(ctx.db, request.viewer.scope, countyCode, {
        ...rest,
        schoolId: school,
        townshipId: township,
      });
    },
  );

  api.get(
    '/api/teachers/:id',
    { schema: { tags: ['教师队伍'], summary: '教师详情与变动时间线', params: idParams } },
    async (request) => {
      requirePermission(request.viewer, 'teacher.read');
      return teacherDetail(ctx.db, request.viewer.scope, request.params.id);
    },
  );

  api.post(
    '/api/teachers/:id/reveal',
    {
      schema: {
        tags: ['教师队伍'],
        summary: '查看完整身份证号或电话（需权限，逐次记入审计日志）',
        params: idParams,
        body: z.object({ field: z.enum(['idNumber', 'phone']) }),
      },
    },
    async (request) => ({
      value: await revealTeacherField(ctx.db, request.viewer, request.params.id, request.body.field),
    }),
  );

  api.post(
    '/api/teachers',
    {
      schema: {
        tags: ['教师队伍'],
        summary: '登记新入职教师',
        body: hireBody,
        querystring: z.object({ county: z.string().optional() }),
      },
    },
    async (request) => {
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      const { idNumber, name, ethnicity, phone, ...hire } = request.body;
      return hireTeacher(ctx.db, request.viewer, countyCode, { idNumber, name, ethnicity, phone, hire });
    },
  );

  api.post(
    '/api/teachers/:id/events',
    {
      schema: {
        tags: ['教师队伍'],
        summary: '登记变动（调动、职称、骨干、表彰、师德考核、休假、退休等）',
        params: idParams,
        body: z.object({ event: eventBody, note: z.string().trim().max(500).nullish() }),
      },
    },
    async (request) =>
      recordEvent(ctx.db, request.viewer, request.params.id, request.body.event as EventInput, {
        note: request.body.note,
      }),
  );

  api.post(
    '/api/teacher-events/:id/revoke',
    {
      schema: {
        tags: ['教师队伍'],
        summary: '撤销登记有误的变动记录（保留记录并注明原因）',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(2, '请填写撤销原因').max(200) }),
      },
    },
    async (request) => {
      await revokeEvent(ctx.db, request.viewer, request.params.id, request.body.reason);
      return { ok: true };
    },
  );

  api.get(
    '/api/teachers-summary',
    {
      schema: {
        tags: ['教师队伍'],
        summary: '教师队伍年度分析：补充渠道、培训、结构、学科缺口、编制、退休预测',
        querystring: z.object({ county: z.string().optional(), year: year.optional() }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'teacher.read');
      const countyCode = resolveCounty(request.viewer.scope, request.query.county);
      return teacherSummary(ctx.db, request.viewer.scope, countyCode, request.query.year ?? new Date().getFullYear());
    },
  );

  api.get(
    '/api/training-courses',
    {
      schema: {
        tags: ['教师队伍'],
        summary: '培训项目（按年度、级别；含参训人次与学时）',
        querystring: z.object({
          county: z.string().optional(),
          year: year.optional(),
          level: z.enum(keys(TRAINING_LEVELS)).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (request) => {
      requirePermission(request.viewer, 'teacher.read');
      const { county, ...filter } = request.query;
      return listTrainingCourses(ctx.db, request.viewer.scope, resolveCounty(request.viewer.scope, county), filter);
    },
  );

  api.get(
    '/api/training-courses/:id',
    { schema: { tags: ['教师队伍'], summary: '培训项目与参训教师', params: idParams } },
    async (request) => {
      requirePermission(request.viewer, 'teacher.read');
      return trainingCourse(ctx.db, request.viewer.scope, request.params.id);
    },
  );
}

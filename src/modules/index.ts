import type { FastifyInstance } from 'fastify';
import { registerFactProvider } from '../platform/facts/facts';
import { registerImport } from '../platform/imports/registry';
import type { ServerContext } from '../server/context';
import { aidFacts } from './aid/aid.facts';
import { aidRoutes } from './aid/aid.routes';
import { aidBeneficiariesImport } from './aid/aid-beneficiaries.import';
import { auditRoutes } from './audit/audit.routes';
import { orgFacts } from './org/org.facts';
import { orgRoutes } from './org/org.routes';
import { schoolsImport } from './org/schools.import';
import { reportRoutes } from './reports/reports.routes';
import { subscribeIndicatorFreshness } from './stats/indicators/refresh';
import { populationImport } from './stats/population.import';
import { schoolStatsImport } from './stats/school-stats.import';
import { statsFacts } from './stats/stats.facts';
import { statsRoutes } from './stats/stats.routes';
import { registerTeacherCountSource } from './stats/teacher-counts';
import { rosterCountSource } from './teachers/roster-counts';
import { teacherFacts } from './teachers/teachers.facts';
import { teachersImport } from './teachers/teachers.import';
import { teacherRoutes } from './teachers/teachers.routes';
import { trainingImport } from './teachers/training.import';
import { userRoutes } from './users/users.routes';

let registered = false;

/** Registers every module's import types; idempotent so tests and the CLI can call it freely. */
export function registerModules(): void {
  if (registered) return;
  registered = true;
  registerImport(schoolsImport);
  registerImport(schoolStatsImport);
  registerImport(populationImport);
  registerImport(teachersImport);
  registerImport(trainingImport);
  registerImport(aidBeneficiariesImport);
  registerTeacherCountSource(rosterCountSource);
  subscribeIndicatorFreshness();
  registerFactProvider(orgFacts);
  registerFactProvider(statsFacts);
  registerFactProvider(teacherFacts);
  registerFactProvider(aidFacts);
}

export async function moduleRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  await orgRoutes(app, ctx);
  await statsRoutes(app, ctx);
  await teacherRoutes(app, ctx);
  await reportRoutes(app, ctx);
  await aidRoutes(app, ctx);
  await userRoutes(app, ctx);
  await auditRoutes(app, ctx);
}

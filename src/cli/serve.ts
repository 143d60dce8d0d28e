import { resolve } from 'node:path';
import { createDemoCounty, demoLogins } from '../demo/create-demo';
import { DEMO_COUNTY } from '../demo/demo-county';
import { failInterruptedImportJobs } from '../platform/imports/import-jobs';
import { buildApp } from '../server/app';
import { openForCli, uploadDirFor } from './cli-context';
import type { Flags } from './commands';

const WEB_DIST = resolve(import.meta.dirname, '../../web/dist');

/** Runs the web server until SIGINT/SIGTERM; with `demo`, first creates the demo county in an empty database. */
export async function serveCommand(flags: Flags, options: { demo: boolean }): Promise<number> {
  const dataDir = flags['data-dir'] as string | undefined;
  const database = await openForCli({ dataDir });
  const interrupted = await failInterruptedImportJobs(database.db);
  if (interrupted) process.stderr.write(`已将${interrupted}个因中断而未完成的导入任务标记为失败（均未写入数据）\n`);
  if (options.demo) {
    const counties = await database.db.selectFrom('county').select('code').execute();
    if (counties.length === 0) {
      process.stdout.write('首次启动：正在生成演示县数据……\n');
      await createDemoCounty(database.db);
    }
  }
  const app = await buildApp({
    database,
    uploadDir: uploadDirFor(dataDir),
    webDist: process.env.WEB_DIST ?? WEB_DIST,
    secureCookies: process.env.SECURE_COOKIES === '1',
    trustProxy: process.env.TRUST_PROXY === '1',
    logger: process.env.LOG === '1',
  });
  const port = Number(flags.port ?? process.env.PORT ?? 3000);
  const host = (flags.host as string | undefined) ?? process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });

  const hasDemo = await database.db
    .selectFrom('county')
    .select('code')
    .where('code', '=', DEMO_COUNTY.code)
    .executeTakeFirst();
  const lines = [
    `教管 Jiaoguan 已启动：http://localhost:${port}/  （数据库：${database.location}；接口文档：/api/docs）`,
  ];
  if (hasDemo) {
    lines.push('演示账号（密码均为下列初始密码）：');
    for (const login of demoLogins())
      lines.push(`  ${login.roleLabel.padEnd(8, '　')} ${login.username.padEnd(10)} ${login.password}  ${login.scope}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((done) => {
    const stop = async () => {
      process.stdout.write('正在停止……\n');
      await app.close();
      await database.close();
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

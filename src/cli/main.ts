import { parseArgs } from 'node:util';
import { registerModules } from '../modules';
import { AppError } from '../platform/errors';
import {
  aidCommand,
  auditCommand,
  backupCommand,
  demoCommand,
  exportCommand,
  type Flags,
  importCommand,
  indicatorsCommand,
  migrateCommand,
  restoreCommand,
  templateCommand,
  userCommand,
} from './commands';
import { reportCommand } from './report-command';
import { serveCommand } from './serve';
import { teachersCommand } from './teachers-command';

const USAGE = `用法：jiaoguan <命令> [参数]

  start                         迁移数据库、首次启动时生成演示县、启动服务（npm start）
  serve [--port N] [--data-dir DIR] [--host H]
                                启动服务（也可用环境变量 PORT、DATA_DIR、DATABASE_URL）
  demo [--json]                 在数据库中创建演示县（已存在时只列出账号）
  migrate                       执行数据库迁移
  template TYPE --out FILE [--county CODE]
                                下载导入模板（TYPE：schools …）
  import TYPE FILE --county CODE [--dry-run] [--json]
                                导入文件；任何一行有错则不写入，退出码为1
  export TYPE --county CODE --out FILE
                                导出为 .xlsx 或 .csv
  user add USERNAME --role ROLE [--name 姓名] [--county CODE] [--township 乡镇] [--school 学校标识码] [--password P]
  user passwd|lock|unlock USERNAME
  backup --out FILE             备份全部数据（嵌入式数据库须先停止服务）
  restore --in FILE             恢复到空数据库
  audit verify                  校验审计日志哈希链
  indicators --county CODE --year YEAR [--school CODE] [--json]
                                打印全部指标值（id、名称、单位、数值、标准、是否达标、范围）
  aid summary --county CODE --year YEAR [--term 春|秋] [--json]
                                学生资助合计（已发放）：按项目、按统计口径的人次、人数、金额（元、万元）与报告段落
  teachers summary --county CODE --year YEAR [--json]
                                教师队伍年度汇总：补充渠道、培训人次与学时、年龄结构、学科缺口、缺编、退休预测
  report annual --county CODE --year YEAR --out FILE.docx [--pdf FILE.pdf] [--plan] [--json]
                                由数据生成年度工作总结（GB/T 9704 Word，可同时导出 PDF）；--json 输出结构化初稿与每个数字的来源
  report check FILE.docx --county CODE --year YEAR [--json]
                                核对（可能已手工修改的）Word 文件中每个数字与当前数据是否一致，不一致时退出码为1
`;

async function main(argv: string[]): Promise<number> {
  registerModules();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      progress: { type: 'boolean' },
      county: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      type: { type: 'string' },
      file: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      city: { type: 'string' },
      township: { type: 'string' },
      school: { type: 'string' },
      password: { type: 'string' },
      year: { type: 'string' },
      recompute: { type: 'boolean' },
      term: { type: 'string' },
      pdf: { type: 'string' },
      plan: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const flags = values as Flags;
  const [command, first, second] = positionals;
  if (!command || flags.help) {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  switch (command) {
    case 'start':
      return serveCommand(flags, { demo: true });
    case 'serve':
      return serveCommand(flags, { demo: false });
    case 'demo':
      return demoCommand(flags);
    case 'migrate':
      return migrateCommand(flags);
    case 'template':
      return templateCommand(flags, first);
    case 'import':
      return importCommand(flags, first, second);
    case 'export':
      return exportCommand(flags, first);
    case 'user':
      return userCommand(flags, first, second);
    case 'backup':
      return backupCommand(flags);
    case 'restore':
      return restoreCommand(flags);
    case 'audit':
      return auditCommand(flags, first);
    case 'indicators':
      return indicatorsCommand(flags);
    case 'aid':
      return aidCommand(flags, first);
    case 'teachers':
      return teachersCommand(flags, first);
    case 'report':
      return reportCommand(flags, first, second);
    default:
      process.stderr.write(`未知命令“${command}”\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppError)
      process.stderr.write(
        `错误：${error.userMessage}\n${error.issues.map((i) => `  ${i.path}：${i.message}\n`).join('')}`,
      );
    else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      process.stderr.write(`参数错误：${(error as Error).message}\n\n${USAGE}`);
    else process.stderr.write(`错误：${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

#!/usr/bin/env bash
# The whole test suite, as the README's second command runs it (npm install && npm test).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

bash scripts/ensure-system.sh

echo "==> 类型检查与代码规范"
npx tsc --noEmit -p tsconfig.json
npx biome check src web/src test bench scripts

echo "==> 单元测试"
npx vitest run --project unit

echo "==> 数据库测试：PGlite 与 PostgreSQL"
npx vitest run --project db-pglite --project db-postgres

echo "==> 构建前端"
npm run --silent build:web

echo "==> 端到端测试（Chromium）"
npx vitest run --project e2e

echo "==> 全部测试通过，用时 $(( $(date +%s) - start )) 秒；截图见 test-output/screenshots/"

#!/usr/bin/env bash
# Installs and starts what the tests need on a fresh Debian machine: Chromium and CJK fonts for the browser tests,
# LibreOffice and poppler for document rendering, and a running PostgreSQL. Idempotent; prints what it did.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# grep without -q reads all of fc-list's output: with pipefail, -q's early exit would make fc-list die of SIGPIPE.
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> 安装系统软件包：${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "缺少系统软件包：${missing[*]}（需要 root 和 apt-get 才能自动安装）" >&2
    exit 1
  fi
fi

# PostgreSQL: start the local cluster when it is installed but stopped. The tests need it; they never skip it.
if [ -z "${TEST_ADMIN_DATABASE_URL:-}" ]; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      for version in $(ls /etc/postgresql); do
        echo "==> 启动 PostgreSQL ${version}"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
      done
      for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break; sleep 1; done
    elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "==> 安装 PostgreSQL"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      version=$(ls /etc/postgresql | head -n1)
      pg_ctlcluster --skip-systemctl-redirect "$version" main start
      for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && break; sleep 1; done
    fi
  fi
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    echo "PostgreSQL 未在 127.0.0.1:5432 运行，且无法自动启动；请启动后重试，或设置 TEST_ADMIN_DATABASE_URL" >&2
    exit 1
  fi
fi

#!/usr/bin/env bash
# Static checks of the deployment files, for whoever edits them: run by hand, not by CI.
#   bash deploy/check.sh
# Each check runs only where its tool is installed; skipped checks are listed at the end.
# Nothing is started: no container, no service, no nginx.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=0
skipped=()
pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1"; failed=1; }
skip() { echo "skip  $1"; skipped+=("$1"); }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. What the Dockerfile copies exists, and the jar it takes is the one the bot module builds.
for path in pom.xml .mvn messages/pom.xml domain/pom.xml bot/pom.xml; do
  [ -e "$path" ] || fail "Dockerfile input missing: $path"
done
if grep -q '<finalName>hamyar-bot</finalName>' bot/pom.xml \
   && grep -q 'bot/target/hamyar-bot.jar' deploy/Dockerfile; then
  pass "Dockerfile copies bot/target/hamyar-bot.jar, the bot module's finalName"
else
  fail "Dockerfile jar path and bot/pom.xml finalName disagree"
fi
if [ -f bot/target/hamyar-bot.jar ]; then
  pass "bot/target/hamyar-bot.jar exists (built earlier)"
else
  skip "jar presence: bot/target/hamyar-bot.jar not built (./mvnw -B -q -DskipTests package)"
fi

# Dockerfile syntax (instructions, flags, arguments), where the linter from npm is installed.
if command -v dockerfile-utils >/dev/null 2>&1; then
  if dockerfile-utils lint deploy/Dockerfile > "$tmp/dockerfile.out" 2>&1; then pass "dockerfile-utils lint Dockerfile"
  else cat "$tmp/dockerfile.out"; fail "dockerfile-utils lint Dockerfile"; fi
else
  skip "Dockerfile lint: dockerfile-utils not installed (npm install -g dockerfile-utils)"
fi

# 2. The env example names every setting of the configuration contract.
for var in TELEGRAM_BOT_TOKEN TELEGRAM_API_URL BALE_BOT_TOKEN BALE_API_URL HAMYAR_ADMINS \
           SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD \
           HAMYAR_WEBHOOK_BASE_URL HAMYAR_WEBHOOK_SECRET SERVER_PORT \
           LOGGING_STRUCTURED_FORMAT_CONSOLE POSTGRES_PASSWORD; do
  grep -Eq "^#?${var}=" deploy/hamyar.env.example || fail "hamyar.env.example lacks $var"
done
pass "hamyar.env.example lists the configuration variables"

# 3. Compose file. "config" only parses; it needs the env file, so a filled-in copy of the example
# is used when deploy/hamyar.env does not exist.
compose_check() {
  local dir="$tmp/repo/deploy"
  mkdir -p "$dir"
  cp deploy/compose.yaml deploy/Dockerfile "$dir/"
  if [ -f deploy/hamyar.env ]; then
    cp deploy/hamyar.env "$dir/hamyar.env"
  else
    sed 's/^POSTGRES_PASSWORD=$/POSTGRES_PASSWORD=check-only/' deploy/hamyar.env.example > "$dir/hamyar.env"
  fi
  "$@" -f "$dir/compose.yaml" config > "$tmp/compose.out" 2>&1
}
if docker compose version >/dev/null 2>&1; then
  if compose_check docker compose; then pass "docker compose config"
  else cat "$tmp/compose.out"; fail "docker compose config"; fi
elif command -v docker-compose >/dev/null 2>&1; then
  if compose_check docker-compose; then pass "docker-compose config ($(docker-compose version --short 2>/dev/null))"
  else cat "$tmp/compose.out"; fail "docker-compose config"; fi
else
  skip "compose config: neither the docker compose plugin nor docker-compose is installed"
fi

# 4. systemd unit. verify exits 0 on unknown keys and bad values, so any output is a failure.
if command -v systemd-analyze >/dev/null 2>&1; then
  out=$(systemd-analyze verify deploy/hamyar.service 2>&1)
  if [ -z "$out" ]; then pass "systemd-analyze verify hamyar.service"
  else echo "$out"; fail "systemd-analyze verify hamyar.service"; fi
  if grep -Eq '^MemoryDenyWriteExecute=' deploy/hamyar.service; then
    fail "hamyar.service sets MemoryDenyWriteExecute (breaks the JVM's JIT)"
  fi
else
  skip "systemd unit: systemd-analyze not installed"
fi

# 5. nginx example, with a throwaway self-signed certificate and logs under a temporary folder.
if command -v nginx >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1; then
  n="$tmp/nginx"
  mkdir -p "$n"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=bot.example.org" \
    -keyout "$n/privkey.pem" -out "$n/fullchain.pem" >/dev/null 2>&1
  sed -e "s#/etc/letsencrypt/live/bot.example.org/#$n/#g" -e "s#/var/log/nginx/#$n/#g" \
    deploy/nginx/hamyar.conf > "$n/hamyar.conf"
  cat > "$n/nginx.conf" <<EOF
pid $n/nginx.pid;
error_log $n/error.log;
events {}
http {
  access_log $n/access.log;
  client_body_temp_path $n/body;
  proxy_temp_path $n/proxy;
  fastcgi_temp_path $n/fastcgi;
  uwsgi_temp_path $n/uwsgi;
  scgi_temp_path $n/scgi;
  include $n/hamyar.conf;
}
EOF
  if nginx -t -q -p "$n" -c "$n/nginx.conf" > "$tmp/nginx.out" 2>&1; then pass "nginx -t hamyar.conf"
  else cat "$tmp/nginx.out"; fail "nginx -t hamyar.conf"; fi
else
  skip "nginx config: nginx or openssl not installed (Debian: apt-get install nginx)"
fi

echo
if [ ${#skipped[@]} -gt 0 ]; then
  echo "skipped:"
  printf '  - %s\n' "${skipped[@]}"
fi
if [ "$failed" -ne 0 ]; then echo "deploy checks FAILED"; exit 1; fi
echo "deploy checks passed"

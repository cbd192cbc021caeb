# Shared parts of the benchmark scripts (bench/crash; bench/run keeps its own copy of the
# PostgreSQL set-up). Source it from the repository root with WORK set to a private directory.
# Needs root: PostgreSQL runs as the postgres user.

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}

# port_free PORT...: fails (with a message) when one of the ports already answers
ports_free() {
  local port
  for port in "$@"; do
    if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
      echo "port $port is in use (a left-over benchmark process?); stop it first" >&2
      return 1
    fi
  done
}

# pg_cluster_start DIR PORT: a throwaway cluster (trust auth) with a database "microshop"
pg_cluster_start() {
  local dir=$1 port=$2
  mkdir -p "$dir/data" "$dir/sock" && chown postgres "$dir" "$dir/data" "$dir/sock"
  su postgres -c "$PG_BIN/initdb -D $dir/data -A trust -U postgres" >/dev/null
  cat >> "$dir/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
max_connections = 200
shared_buffers = 256MB
CONF
  su postgres -c "$PG_BIN/pg_ctl -D $dir/data -l $dir/server.log -w start" >/dev/null
  psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE microshop"
}

pg_cluster_stop() {
  su postgres -c "$PG_BIN/pg_ctl -D $1/data -m fast stop" >/dev/null 2>&1 || true
}

# app_extract JAR DEST PORT PG_PORT: the extracted jar and its class-data-sharing archive
# (DEST/app/microshop.jar, DEST/app.jsa), recorded against the given database
app_extract() {
  local jar=$1 dest=$2 port=$3 pg_port=$4
  java -Djarmode=tools -jar "$jar" extract --destination "$dest/app" >/dev/null
  java -XX:ArchiveClassesAtExit="$dest/app.jsa" -Dspring.context.exit=onRefresh -jar "$dest/app/microshop.jar" \
    --server.port="$port" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$pg_port/microshop" \
    --spring.datasource.username=postgres --microshop.demo-data=false --logging.level.root=WARN \
    > "$dest/cds-training.log" 2>&1
}

# wait_healthy URL PID [tries of 0.05 s]: 0 once URL answers 2xx, 1 when PID died or time ran out
wait_healthy() {
  local url=$1 pid=$2 tries=${3:-1200}
  for _ in $(seq 1 "$tries"); do
    curl -sf "$url" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# head_commit: the short commit id of HEAD, read from .git without running git
head_commit() {
  local head ref id=
  head=$(cat .git/HEAD 2>/dev/null) || { echo unknown; return; }
  if [[ $head == ref:* ]]; then
    ref=${head#ref: }
    if [ -f ".git/$ref" ]; then id=$(cat ".git/$ref")
    else id=$(awk -v r="$ref" '$2 == r {print $1}' .git/packed-refs 2>/dev/null); fi
  else
    id=$head
  fi
  echo "${id:0:7}" | grep -E '^[0-9a-f]{7}$' || echo unknown
}

# machine_json FILE: commit, cores, memory, JDK, PostgreSQL version
machine_json() {
  cat > "$1" <<JSON
{"commit": "$(head_commit)", "cores": $(nproc),
 "memory": "$(free -g | awk '/Mem:/ {print $2}') GiB", "jdk": "$(java -version 2>&1 | head -1 | sed 's/"//g')",
 "postgres": "$($PG_BIN/postgres --version | awk '{print $3}')"}
JSON
}

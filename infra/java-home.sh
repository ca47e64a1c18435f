# Sourced by the start scripts of infra/: prints a JDK of at least the given major version,
# the one named by the given variable if set, else the Temurin 25 under /usr/lib/jvm or any
# other JDK there that is new enough.
# Usage: JDK="$(java_home 21 ES_JAVA_HOME)"
java_home() {
  local wanted="$1" variable="$2"
  if [ -n "${!variable:-}" ]; then echo "${!variable}"; return; fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ]; then
      major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
      if [ "${major%%.*}" -ge "$wanted" ] 2>/dev/null; then echo "$candidate"; return; fi
    fi
  done
  echo "No JDK >= $wanted found; set $variable" >&2; return 1
}

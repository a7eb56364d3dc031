# Sourced by ./mvnw: caselink needs JDK 25, and these machines default to JDK 17.
# Keeps JAVA_HOME when it already is a JDK 25 or newer; otherwise picks the newest JDK >= 25
# under /usr/lib/jvm (or $CASELINK_JDK_DIRS); otherwise stops with a message that says what to install.
caselink_jdk_major() {
  [ -x "$1/bin/javac" ] || { echo 0; return; }
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  echo "${v:-0}"
}
caselink_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(caselink_jdk_major "$JAVA_HOME")" -ge 25 ]; then return 0; fi
  best="" best_v=0
  set +f # mvnw runs with globbing off; the JDK folders are a glob
  for d in ${CASELINK_JDK_DIRS:-/usr/lib/jvm/* /opt/java/* /opt/jdk*}; do
    [ -d "$d" ] || continue
    v=$(caselink_jdk_major "$d")
    if [ "$v" -ge 25 ] && [ "$v" -gt "$best_v" ]; then best="$d" best_v=$v; fi
  done
  set -f
  if [ -n "$best" ]; then
    JAVA_HOME="$best"; export JAVA_HOME; return 0
  fi
  echo "caselink needs a JDK 25 or newer, and none was found." >&2
  echo "  Looked at JAVA_HOME (${JAVA_HOME:-unset}) and ${CASELINK_JDK_DIRS:-/usr/lib/jvm/*, /opt/java/*, /opt/jdk*}." >&2
  echo "  Install one (for example Debian/Ubuntu: apt-get install temurin-25-jdk from Adoptium," >&2
  echo "  or any OpenJDK 25 build) and set JAVA_HOME to it." >&2
  exit 1
}
caselink_find_jdk

#!/usr/bin/env bash
# Prepares an unpacked WildFly 39 for EstateDesk, once (a marker file records it):
#   - EclipseLink 4.0.7 in WildFly's org.eclipse.persistence module, next to WildFly's integration jar,
#     with the JDK modules it needs;
#   - a PostgreSQL driver module (org.postgresql);
#   - configure.cli: the datasources from the environment and MicroProfile Health and OpenAPI.
#   server-config/wildfly/configure.sh <wildfly home> <eclipselink jar> <postgresql jar>
set -euo pipefail
home="$1"
eclipselink="$2"
postgresql="$3"
here="$(cd "$(dirname "$0")" && pwd)"
if [ -f "$home/.estatedesk-configured" ]; then
  exit 0
fi

module="$home/modules/system/layers/base/org/eclipse/persistence/main"
cp "$eclipselink" "$module/"
python3 - "$module/module.xml" "$(basename "$eclipselink")" <<'PY'
import sys
path, jar = sys.argv[1], sys.argv[2]
xml = open(path).read()
if jar not in xml:
    xml = xml.replace('<resources>', '<resources>\n        <resource-root path="%s"/>' % jar, 1)
    extra = ''.join('\n        <module name="%s"/>' % m for m in ("java.sql", "java.rmi", "java.desktop", "java.xml"))
    xml = xml.replace('<dependencies>', '<dependencies>' + extra, 1)
open(path, 'w').write(xml)
PY

driver="$home/modules/org/postgresql/main"
mkdir -p "$driver"
cp "$postgresql" "$driver/"
cat > "$driver/module.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<module name="org.postgresql" xmlns="urn:jboss:module:1.9">
    <resources>
        <resource-root path="$(basename "$postgresql")"/>
    </resources>
    <dependencies>
        <module name="java.sql"/>
        <module name="java.logging"/>
        <module name="java.naming"/>
        <module name="java.management"/>
        <module name="java.security.jgss" optional="true"/>
        <module name="jakarta.transaction.api"/>
    </dependencies>
</module>
XML

"$home/bin/jboss-cli.sh" --file="$here/configure.cli" > "$home/configure.log" 2>&1 || { cat "$home/configure.log"; exit 1; }
touch "$home/.estatedesk-configured"
echo "WildFly at $home configured for EstateDesk"

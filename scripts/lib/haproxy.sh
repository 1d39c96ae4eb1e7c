# Sourced by scripts/cluster.sh and scripts/ha.sh: HAProxy's own view of one of its servers.
# haproxy_server_status STATS_ADDRESS PROXY SERVER -> UP, DOWN, UP 1/2 (going down), DOWN 1/2 (going up),
# MAINT, ... as the CSV of the stats page at http://STATS_ADDRESS/stats;csv says (column 18).
haproxy_server_status() {
  curl -sf "$1/stats;csv" | awk -F, -v proxy="$2" -v server="$3" '$1 == proxy && $2 == server {print $18}'
}

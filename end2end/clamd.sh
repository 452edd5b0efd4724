#!/usr/bin/env bash
# A clamd for the end-to-end tests on 127.0.0.1:$1, with a signature database of one line that
# detects the EICAR test file (the machine cannot download ClamAV's signatures). Runs in the
# foreground until Playwright stops it.
set -euo pipefail
port=$1
dir=/tmp/hoering-e2e-clamd-$port
rm -rf "$dir" && mkdir -p "$dir/db"
eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
printf 'Hoering.Test.EICAR:0:*:%s\n' "$(printf '%s' "$eicar" | od -An -tx1 | tr -d ' \n')" >"$dir/db/eicar.ndb"
{
  echo "DatabaseDirectory $dir/db"
  echo "TCPSocket $port"
  echo "TCPAddr 127.0.0.1"
  echo "Foreground yes"
  echo "LogFile $dir/clamd.log"
  echo "StreamMaxLength 30M"
  # Debian runs clamd as its own user; as root it must be told to stay root.
  [ "$(id -u)" = 0 ] && echo "User root"
} >"$dir/clamd.conf"
clamd=/usr/sbin/clamd
[ -x "$clamd" ] || clamd=clamd
exec "$clamd" -c "$dir/clamd.conf"

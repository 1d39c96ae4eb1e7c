#!/usr/bin/env python3
"""The code an authenticator app shows now for a Base32 secret (RFC 6238: HMAC-SHA1, 30 s, 6 digits).
Usage: totp.py SECRET. The Python standard library only: not the service's own library."""
import base64
import hashlib
import hmac
import struct
import sys
import time

secret = sys.argv[1].upper()
key = base64.b32decode(secret + "=" * (-len(secret) % 8))
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = digest[-1] & 0x0F
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000))

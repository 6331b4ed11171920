#!/bin/sh
# Named by PRISMA_SCHEMA_ENGINE_BINARY so `prisma generate` does not download the native schema
# engine (it never runs it). Commands that would need it end here.
echo "the native schema engine is not installed: Lantern applies migrations itself (see docs/migrations.md)" >&2
exit 1

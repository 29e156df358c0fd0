#!/bin/sh
# One-shot: the namespace, and the search attributes this library's waits write (idempotent).
set -eu
# The server's port opens before it serves: wait, a bounded while, until it answers.
tries=0
until temporal operator cluster health; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "Temporal did not become healthy" >&2; exit 1; }
  sleep 2
done
temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" \
  || temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE"
for attribute in NeptuneImportTaskId=Keyword NeptuneGraphId=Keyword NeptuneImportStatus=Keyword NeptuneImportProgress=Int; do
  name=${attribute%=*}
  type=${attribute#*=}
  temporal operator search-attribute list --namespace "$TEMPORAL_NAMESPACE" | grep -qw "$name" \
    || temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" --name "$name" --type "$type"
done

#!/bin/sh
# One-shot: the namespace, and the search attributes this library's waits write (idempotent).
set -eu
temporal operator cluster health
temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" \
  || temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE"
for attribute in NeptuneImportTaskId=Keyword NeptuneGraphId=Keyword NeptuneImportStatus=Keyword NeptuneImportProgress=Int; do
  name=${attribute%=*}
  type=${attribute#*=}
  temporal operator search-attribute list --namespace "$TEMPORAL_NAMESPACE" | grep -qw "$name" \
    || temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" --name "$name" --type "$type"
done

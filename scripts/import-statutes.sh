#!/usr/bin/env bash
# Re-create statutes/ from the official XML in ../shared/corpus/lexdania.
set -euo pipefail
cd "$(dirname "$0")/.."
C=${LAWDIFF_SHARED:-../shared}/corpus/lexdania
lawdiff import lexdania --force --law lab "$C/2015/2015-807.xml" "$C/2016/2016-1342.xml"
lawdiff import lexdania --force "$C/2010/2010-731.xml" "$C/2014/2014-1482.xml" "$C/2016/2016-1270.xml" "$C/2016/2016-1188.xml"
# styringsloven with § 25 a (lov nr. 1380/2012, § 2, nr. 4), executed from amendments/
lawdiff apply amendments/lov-2012-1380-styringsloven.yaml --law styringsloven --force \
  --save-version 2012-12-23 --source "LBK nr. 731 af 15/06/2010 med § 2, nr. 4, i lov nr. 1380 af 23/12/2012"

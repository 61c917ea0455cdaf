#!/usr/bin/env bash
# Re-create statutes/ (and amendments/lov-2012-1380.yaml) from the official XML in ../shared/corpus/lexdania.
set -euo pipefail
cd "$(dirname "$0")/.."
C=${LAWDIFF_SHARED:-../shared}/corpus/lexdania
lawdiff import lexdania --force --law lab "$C/2015/2015-807.xml" "$C/2016/2016-1342.xml"
lawdiff import lexdania --force "$C/2010/2010-731.xml" "$C/2014/2014-1482.xml" "$C/2016/2016-1270.xml" "$C/2016/2016-1188.xml"
# lov nr. 1380 af 23/12/2012 as an amendment file (its § 2 amends styringsloven, LBK 731/2010)
lawdiff import lexdania --force "$C/2012/2012-1380.xml"
# styringsloven with § 25 a: § 2, nr. 4, of lov nr. 1380/2012 executed from amendments/
lawdiff apply amendments/lov-2012-1380.yaml --nummer "§ 2, nr. 4" --law styringsloven --force \
  --save-version 2012-12-23 --source "LBK nr. 731 af 15/06/2010 med § 2, nr. 4, i lov nr. 1380 af 23/12/2012"

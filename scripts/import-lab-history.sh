#!/usr/bin/env bash
# Re-create LAB's history in statutes/lab and amendments/ (issue 9, item 3) from the official XML in
# ../shared/corpus/lexdania: every LAB lovbekendtgørelse the corpus holds (LBK 710/2011, 706/2012,
# 415/2013; 807/2015 and 1342/2016 come from import-statutes.sh), the amending acts between them that
# amend LAB, and the consolidated versions made from them. Run after scripts/import-statutes.sh.
# tests/test_lab_history.py checks that the stored consolidations are what these steps produce.
set -euo pipefail
cd "$(dirname "$0")/.."
C=${LAWDIFF_SHARED:-../shared}/corpus/lexdania
lawdiff import lexdania --force --law lab "$C/2011/2011-710.xml" "$C/2012/2012-706.xml" "$C/2013/2013-415.xml"
# the acts LBK 706/2012 and LBK 415/2013 list in their preambles (imported after the LBKs, so that
# their ændringsparagraffer link to the stored LAB version they amend)
lawdiff import lexdania --force "$C/2011/2011-1364.xml" "$C/2012/2012-17.xml" "$C/2012/2012-152.xml" \
  "$C/2012/2012-153.xml" "$C/2012/2012-266.xml" "$C/2012/2012-267.xml" "$C/2012/2012-268.xml" \
  "$C/2012/2012-476.xml" "$C/2012/2012-1347.xml" "$C/2012/2012-1377.xml" "$C/2012/2012-1380.xml" \
  "$C/2013/2013-357.xml"
# LBK 710/2011 + the eight acts LBK 706/2012 lists (their ikrafttræden is not read from the files,
# so they are named with --include, as the editor of LBK 706/2012 did) → the day before LBK 706/2012
lawdiff consolidate lab --at 2012-06-27 --partial --include lov-2011-1364 lov-2012-17 lov-2012-152 \
  lov-2012-153 lov-2012-266 lov-2012-267 lov-2012-268 lov-2012-476
# LBK 706/2012 + what had entered into force on 1 January 2013: the reform of lov 1380/2012
# (ressourceforløb, rehabiliteringsteam), lov 1347/2012 and lov 1377/2012
lawdiff consolidate lab --at 2013-01-01 --partial
# … + lov 357/2013 and the rest the preamble of LBK 415/2013 lists → the day before LBK 415/2013
lawdiff consolidate lab --at 2013-04-23 --partial --include lov-2012-1347 lov-2012-1377 lov-2012-1380 lov-2013-357

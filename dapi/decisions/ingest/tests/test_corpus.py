"""The extractor on the corpus of real published decision records (issue 19): the figures measured with
`bench/ingest_corpus.py` (bench/RESULTS.md) are pinned, so a change that reads these records worse fails.
Raise a pin when the extractor gets better; never lower one to make a change pass."""

import pytest

from .corpus_score import score

# What was measured on each split: records; truth lines found (of the split's truth lines); precision (draft
# lines right over draft lines counted); roles right over lines found; references and decision dates right
# (of the records stating them); ambiguous figures flagged (of those the truth says must be).
PINS = {
    "tune": {"records": 25, "found": (72, 72), "precision": 72 / 73, "role": 65 / 72, "references": (11, 11),
             "decision_dates": (9, 9), "flags": (0, 0), "invented": 0},
    # First measured once, after the rules were written on the tune split (bench/RESULTS.md); since then both
    # splits have been read while changing the extractor (a fresh held-out part is the measurement now).
    "held-out": {"records": 17, "found": (30, 30), "precision": 30 / 30, "role": 20 / 30, "references": (3, 3),
                 "decision_dates": (7, 7), "flags": (1, 1), "invented": 0},
    # Scored twice while untouched (bench/RESULTS.md, second round), then used to tune the third round: a tuning
    # split since, no longer a measure of generalisation (held-out-3, kept apart, is).
    "held-out-2": {"records": 21, "found": (58, 59), "precision": 58 / 59, "role": 56 / 58, "references": (8, 8),
                   "decision_dates": (5, 5), "flags": (2, 2), "invented": 0},
    # Scored once, untouched, after the third round (bench/RESULTS.md: 47% of money lines), then used to tune the
    # fourth round: a tuning split since (held-out-4, gathered apart, is the next measurement).
    "held-out-3": {"records": 28, "found": (76, 81), "precision": 76 / 81, "role": 56 / 76, "references": (9, 9),
                   "decision_dates": (5, 5), "flags": (3, 3), "invented": 0},
    # Scored once, untouched, after the fourth round (bench/RESULTS.md: 50% of money lines), then used to tune the
    # fifth round: a tuning split since, no longer a measure of generalisation (held-out-5, gathered apart, is).
    "held-out-4": {"records": 28, "found": (78, 84), "precision": 78 / 83, "role": 60 / 78, "references": (13, 13),
                   "decision_dates": (9, 9), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the fifth round (bench/RESULTS.md: 67% of money lines), then used to tune the
    # sixth round: a tuning split since, no longer a measure of generalisation (held-out-6, gathered apart, is).
    "held-out-5": {"records": 28, "found": (92, 101), "precision": 92 / 101, "role": 60 / 92, "references": (7, 7),
                   "decision_dates": (7, 7), "flags": (3, 3), "invented": 0},
    # Scored once, untouched, after the sixth round (bench/RESULTS.md: 54% of money lines; 22 of its 30 records
    # are news, finance and grants pages rather than decision records), then used to tune the seventh round: a
    # tuning split since, no longer a measure of generalisation (an eighth part, gathered apart, is).
    "held-out-6": {"records": 30, "found": (61, 85), "precision": 61 / 79, "role": 46 / 61, "references": (3, 3),
                   "decision_dates": (3, 3), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the seventh round (bench/RESULTS.md: 75% of money lines; formal decision
    # records only), then used to tune the eighth round: a tuning split since (a ninth part, gathered apart, is the
    # next measurement).
    "held-out-7": {"records": 27, "found": (82, 84), "precision": 82 / 83, "role": 66 / 82, "references": (8, 8),
                   "decision_dates": (10, 10), "flags": (4, 4), "invented": 0},
    # Scored once, untouched, after the eighth round (bench/RESULTS.md: 68% of money lines; formal decision
    # records only), then used to tune the ninth round: a tuning split since (a tenth part, gathered apart, is the
    # next measurement).
    "held-out-8": {"records": 28, "found": (79, 85), "precision": 79 / 86, "role": 51 / 79, "references": (13, 13),
                   "decision_dates": (11, 11), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the ninth round (bench/RESULTS.md: 68% of money lines; formal decision
    # records only; one reference invented, "PDF 198", a link's text), then used to tune the tenth round: a tuning
    # split since (an eleventh part, gathered apart, is the next measurement).
    "held-out-9": {"records": 25, "found": (77, 84), "precision": 77 / 84, "role": 56 / 77, "references": (5, 5),
                   "decision_dates": (5, 5), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the tenth round (bench/RESULTS.md: 63% of money lines; formal decision
    # records only), then used to tune the eleventh round: a tuning split since (a twelfth part, gathered apart, is
    # the next measurement).
    "held-out-10": {"records": 25, "found": (60, 67), "precision": 60 / 67, "role": 43 / 60, "references": (7, 7),
                    "decision_dates": (8, 8), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the eleventh round (bench/RESULTS.md: 82% of money lines; formal decision
    # records only), then used to tune the twelfth round: a tuning split since (a thirteenth part, gathered apart, is
    # the next measurement).
    "held-out-11": {"records": 28, "found": (56, 61), "precision": 56 / 59, "role": 30 / 56, "references": (6, 6),
                    "decision_dates": (15, 15), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the twelfth round (bench/RESULTS.md: 63% of money lines; formal decision
    # records only), then used to tune the thirteenth round: a tuning split since (a fourteenth part, gathered apart,
    # is the next measurement).
    "held-out-12": {"records": 27, "found": (69, 81), "precision": 69 / 78, "role": 50 / 69, "references": (8, 8),
                    "decision_dates": (9, 9), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the thirteenth round (bench/RESULTS.md: 81% of money lines found, 77% precise;
    # formal decision records only), then used to tune the fourteenth round: a tuning split since (a fifteenth part,
    # gathered apart, is the next measurement).
    "held-out-13": {"records": 25, "found": (64, 67), "precision": 64 / 68, "role": 41 / 64, "references": (2, 2),
                    "decision_dates": (9, 9), "flags": (5, 5), "invented": 0},
    # Scored once, untouched, after the fourteenth round (bench/RESULTS.md: 86% of money lines found, 83% precise;
    # formal decision records and minutes only), then used to tune the fifteenth round: a tuning split since (a
    # fresh part, gathered apart, is the next measurement).
    "held-out-14": {"records": 25, "found": (66, 72), "precision": 66 / 74, "role": 37 / 66, "references": (4, 4),
                    "decision_dates": (11, 11), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the fifteenth round (bench/RESULTS.md: 50% of money lines found, 52% precise;
    # mostly council grant decisions and minutes), then used to tune the sixteenth round: a tuning split since (a
    # fresh part, gathered apart, is the next measurement).
    "held-out-15": {"records": 27, "found": (61, 76), "precision": 61 / 75, "role": 45 / 61, "references": (2, 2),
                    "decision_dates": (12, 13), "flags": (0, 2), "invented": 1},
    # Scored once, untouched, after the sixteenth round (bench/RESULTS.md: 73% of money lines found, 71% precise),
    # then used to tune the seventeenth round: a tuning split since (a fresh part, gathered apart, is the next
    # measurement).
    "held-out-16": {"records": 25, "found": (62, 71), "precision": 62 / 72, "role": 40 / 62, "references": (1, 1),
                    "decision_dates": (8, 8), "flags": (2, 2), "invented": 0},
    # Scored once, untouched, after the seventeenth round (bench/RESULTS.md: 62% of money lines found, 67% precise),
    # then used to tune the eighteenth round: a tuning split since (a fresh part, gathered apart, is the next
    # measurement).
    "held-out-17": {"records": 25, "found": (70, 79), "precision": 70 / 74, "role": 55 / 70, "references": (2, 3),
                    "decision_dates": (13, 13), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the eighteenth round (bench/RESULTS.md: 67% of money lines found, 66% precise),
    # then used to tune the nineteenth round: a tuning split since (a fresh part, gathered apart, is the next
    # measurement).
    "held-out-18": {"records": 25, "found": (57, 66), "precision": 57 / 66, "role": 42 / 57, "references": (8, 8),
                    "decision_dates": (11, 11), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the nineteenth round (bench/RESULTS.md: 67% of money lines found, 68% precise),
    # then used to tune the twentieth round: a tuning split since (a fresh part, gathered apart, is the next
    # measurement).
    "held-out-19": {"records": 26, "found": (69, 85), "precision": 69 / 83, "role": 39 / 69, "references": (4, 4),
                    "decision_dates": (7, 7), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the twentieth round (bench/RESULTS.md: 80% of money lines found, 79% precise;
    # 14 of its 25 records are police and crime panels' precept and budget minutes), then used to tune the
    # twenty-first round: a tuning split since (a fresh part, gathered apart, is the next measurement).
    "held-out-20": {"records": 25, "found": (82, 90), "precision": 82 / 90, "role": 66 / 82, "references": (8, 8),
                    "decision_dates": (6, 7), "flags": (3, 3), "invented": 0},
    # Scored once, untouched, after the twenty-first round (bench/RESULTS.md: 75% of money lines found, 75% precise),
    # then used to tune the twenty-second round: a tuning split since (a fresh part, gathered apart, is the next
    # measurement).
    "held-out-21": {"records": 25, "found": (52, 60), "precision": 52 / 60, "role": 42 / 52, "references": (1, 1),
                    "decision_dates": (4, 4), "flags": (0, 0), "invented": 1},
    # Scored once, untouched, after the twenty-second round (bench/RESULTS.md: 72% of money lines found, 72%
    # precise), then used to tune the twenty-third round: a tuning split since (a fresh part, gathered apart, is the
    # next measurement).
    "held-out-22": {"records": 25, "found": (46, 58), "precision": 46 / 59, "role": 26 / 46, "references": (7, 7),
                    "decision_dates": (8, 9), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the twenty-third round (bench/RESULTS.md: 61% of money lines found, 57%
    # precise), then used to tune the twenty-fourth round: a tuning split since (a fresh part, gathered apart, is the
    # next measurement).
    "held-out-23": {"records": 25, "found": (59, 67), "precision": 58 / 70, "role": 39 / 59, "references": (5, 5),
                    "decision_dates": (7, 7), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the twenty-fourth round (bench/RESULTS.md: 65% of money lines found, 65%
    # precise), then used to tune the twenty-fifth round: a tuning split since (a fresh part, gathered apart, is the
    # next measurement).
    "held-out-24": {"records": 25, "found": (34, 46), "precision": 34 / 46, "role": 23 / 34, "references": (0, 0),
                    "decision_dates": (10, 10), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the twenty-fifth round (bench/RESULTS.md: 65% of money lines found, 71%
    # precise), then used to tune the twenty-sixth round: a tuning split since (a fresh part, gathered apart, is the
    # next measurement).
    "held-out-25": {"records": 25, "found": (63, 78), "precision": 63 / 73, "role": 46 / 63, "references": (6, 6),
                    "decision_dates": (3, 3), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the twenty-sixth round (bench/RESULTS.md: 51% of money lines found, 71%
    # precise; 31 of its 77 lines are one commissioner's table of allocations by council and year), then used to tune
    # the twenty-seventh round: a tuning split since (a fresh part, gathered apart, is the next measurement).
    "held-out-26": {"records": 20, "found": (72, 77), "precision": 72 / 77, "role": 51 / 72, "references": (6, 6),
                    "decision_dates": (7, 7), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the twenty-seventh round (bench/RESULTS.md: 67% of money lines found, 68%
    # precise), then used to tune the twenty-eighth round: a tuning split since.
    # Its role share fell (17/45 to 17/46) as lines found rose in the forty-second round, and (17/46 to 17/47) in the
    # eighty-second.
    "held-out-27": {"records": 21, "found": (49, 60), "precision": 49 / 61, "role": 18 / 49, "references": (5, 5),
                    "decision_dates": (5, 5), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the twenty-eighth round (bench/RESULTS.md: 59% of money lines found, 57%
    # precise; a short part of 11 records), then used to tune the twenty-ninth round: a tuning split since.
    "held-out-28": {"records": 11, "found": (23, 29), "precision": 23 / 30, "role": 14 / 23, "references": (1, 2),
                    "decision_dates": (4, 4), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the thirtieth round (bench/RESULTS.md: 59% of money lines found, 59%
    # precise; three of its records are in Welsh), then used to tune the thirty-first round: a tuning split since.
    "held-out-29": {"records": 25, "found": (65, 79), "precision": 65 / 80, "role": 43 / 65, "references": (1, 1),
                    "decision_dates": (9, 9), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the thirty-first round (bench/RESULTS.md: 82% of money lines found, 81%
    # precise; one reference invented, a list page's "PCD 1421"), then used to tune the thirty-second round: a tuning
    # split since.
    "held-out-30": {"records": 23, "found": (71, 82), "precision": 71 / 83, "role": 56 / 71, "references": (2, 2),
                    "decision_dates": (6, 6), "flags": (0, 0), "invented": 1},
    # Scored once, untouched, after the thirty-second round (bench/RESULTS.md: 45% of money lines found, 48%
    # precise; 39 of its 110 lines are two Argyll and Bute tables of grants by applicant), then used to tune the
    # thirty-third round: a tuning split since.
    "held-out-31": {"records": 25, "found": (91, 110), "precision": 91 / 113, "role": 73 / 91, "references": (6, 6),
                    "decision_dates": (5, 7), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the thirty-third round (bench/RESULTS.md: 73% of money lines found, 75%
    # precise), then used to tune the thirty-fourth round: a tuning split since.
    "held-out-32": {"records": 24, "found": (62, 74), "precision": 62 / 72, "role": 36 / 62, "references": (4, 4),
                    "decision_dates": (10, 10), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the thirty-fourth round (bench/RESULTS.md: 77% of money lines found, 81%
    # precise; no record states a reference), then used to tune the thirty-fifth round: a tuning split since.
    "held-out-33": {"records": 25, "found": (57, 66), "precision": 57 / 63, "role": 42 / 57, "references": (0, 0),
                    "decision_dates": (10, 10), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the thirty-fifth round (bench/RESULTS.md: 70% of money lines found, 71%
    # precise), then used to tune the thirty-sixth round: a tuning split since.
    "held-out-34": {"records": 25, "found": (54, 67), "precision": 54 / 66, "role": 39 / 54, "references": (2, 2),
                    "decision_dates": (12, 12), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the thirty-sixth round (bench/RESULTS.md: 68% of money lines found, 69%
    # precise), then used to tune the thirty-seventh round: a tuning split since.
    # Its role share fell (21/38 to 21/39) as lines found rose in the forty-second round.
    "held-out-35": {"records": 27, "found": (41, 56), "precision": 41 / 54, "role": 24 / 41, "references": (2, 2),
                    "decision_dates": (16, 16), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the thirty-seventh round (bench/RESULTS.md: 59% of money lines found, 59%
    # precise; thirteen of its records are parish, town and community councils' papers), then used to tune the
    # thirty-eighth round: a tuning split since.
    "held-out-36": {"records": 24, "found": (53, 61), "precision": 53 / 61, "role": 36 / 53, "references": (0, 0),
                    "decision_dates": (12, 13), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the thirty-eighth round (bench/RESULTS.md: 67% of money lines found, 73%
    # precise; eleven of its records are parish and community councils' minutes), then used to tune the
    # thirty-ninth round: a tuning split since. Its role share fell in the sixty-eighth round (33/75 to 33/76) as
    # lines found rose.
    "held-out-37": {"records": 24, "found": (76, 96), "precision": 76 / 90, "role": 38 / 76, "references": (0, 0),
                    "decision_dates": (17, 17), "flags": (0, 1), "invented": 0},
    # Scored once, untouched, after the thirty-ninth round (bench/RESULTS.md: 37% of money lines found, 46%
    # precise; one news page prints every pound sign as a replacement character), then used to tune the fortieth
    # round: a tuning split since.
    "held-out-38": {"records": 22, "found": (45, 59), "precision": 45 / 58, "role": 35 / 45, "references": (5, 6),
                    "decision_dates": (6, 6), "flags": (0, 1), "invented": 0},
    # Scored once, untouched, after the fortieth round (bench/RESULTS.md: 55% of money lines found, 59% precise;
    # commissioners' and MOPAC's pages whole, the misses in council and partnership minutes), then used to tune the
    # forty-first round: a tuning split since. Its role share fell (22/39 to 22/47) as lines found rose.
    "held-out-39": {"records": 23, "found": (52, 71), "precision": 51 / 65, "role": 31 / 52, "references": (2, 2),
                    "decision_dates": (8, 10), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the forty-first round (bench/RESULTS.md: 64% of money lines found, 66% precise;
    # the Ministry of Justice given its own awards five times), then used to tune the forty-second round: a tuning
    # split since. Its role share fell in the sixty-second round (21/45 to 21/46) as lines found rose.
    "held-out-40": {"records": 23, "found": (49, 64), "precision": 49 / 62, "role": 24 / 49, "references": (2, 2),
                    "decision_dates": (6, 7), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the forty-second round (bench/RESULTS.md: 60% of money lines found, 62%
    # precise), then used to tune the forty-third round: a tuning split since. Its role share fell (16/40 to 17/46)
    # as lines found rose, again in the seventy-first round (19/48 to 19/50) and in the eighty-third (21/52 to 21/53).
    "held-out-41": {"records": 21, "found": (53, 67), "precision": 53 / 63, "role": 21 / 53, "references": (2, 2),
                    "decision_dates": (2, 2), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the forty-third round (bench/RESULTS.md: 63% of money lines found, 67%
    # precise; eleven of its misses in one flattened table of grants), then used to tune the forty-fourth round: a
    # tuning split since. Its role share fell in the sixty-eighth round (57/78 to 57/79) as lines found rose, and
    # again in the eighty-third (59/80 to 59/81).
    "held-out-42": {"records": 25, "found": (81, 92), "precision": 81 / 90, "role": 59 / 81, "references": (0, 0),
                    "decision_dates": (12, 12), "flags": (2, 2), "invented": 0},
    # Scored once, untouched, after the forty-fourth round (bench/RESULTS.md: 79% of money lines found, 78%
    # precise), then used to tune the forty-fifth round: a tuning split since.
    "held-out-43": {"records": 24, "found": (59, 67), "precision": 59 / 68, "role": 47 / 59, "references": (1, 1),
                    "decision_dates": (8, 8), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the forty-fifth round (bench/RESULTS.md: 60% of money lines found, 61%
    # precise), then used to tune the forty-sixth round: a tuning split since.
    "held-out-44": {"records": 25, "found": (52, 68), "precision": 52 / 66, "role": 40 / 52, "references": (2, 2),
                    "decision_dates": (9, 9), "flags": (2, 2), "invented": 0},
    # Scored once, untouched, after the forty-sixth round (bench/RESULTS.md: 49% of money lines found, 59%
    # precise; two commissioners' lists of awards hold 21 of its misses); then used to tune the forty-seventh round:
    # a tuning split since.
    "held-out-45": {"records": 24, "found": (74, 95), "precision": 74 / 86, "role": 30 / 74, "references": (0, 0),
                    "decision_dates": (8, 9), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the forty-seventh round (bench/RESULTS.md: 73% of money lines found, 74%
    # precise), then used to tune the forty-eighth round: a tuning split since.
    "held-out-46": {"records": 23, "found": (53, 67), "precision": 53 / 66, "role": 41 / 53, "references": (0, 0),
                    "decision_dates": (10, 10), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the forty-eighth round (bench/RESULTS.md: 86% of money lines found, 86%
    # precise), then used to tune the forty-ninth round: a tuning split since.
    "held-out-47": {"records": 20, "found": (73, 77), "precision": 73 / 76, "role": 43 / 73, "references": (3, 3),
                    "decision_dates": (5, 5), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the forty-ninth round (bench/RESULTS.md: 68% of money lines found, 68%
    # precise), then used to tune the fiftieth round: a tuning split since.
    "held-out-48": {"records": 21, "found": (47, 53), "precision": 47 / 53, "role": 33 / 47, "references": (8, 8),
                    "decision_dates": (4, 4), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the forty-ninth round (bench/RESULTS.md: 57% of money lines found, 60%
    # precise), while the fiftieth round was being made on held-out-48, then used to tune the fifty-first round: a
    # tuning split since.
    "held-out-49": {"records": 21, "found": (45, 51), "precision": 45 / 52, "role": 32 / 45, "references": (5, 5),
                    "decision_dates": (5, 5), "flags": (3, 3), "invented": 0},
    # Scored once, untouched, after the fifty-first round (bench/RESULTS.md: 67% of money lines found, 70% precise);
    # then used to tune the fifty-second round: a tuning split since.
    "held-out-50": {"records": 20, "found": (35, 42), "precision": 35 / 40, "role": 30 / 35, "references": (9, 9),
                    "decision_dates": (6, 7), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the fifty-first round (bench/RESULTS.md: 72% of money lines found, 73% precise);
    # then used to tune the fifty-third round: a tuning split since.
    "held-out-51": {"records": 20, "found": (49, 50), "precision": 49 / 50, "role": 37 / 49, "references": (8, 8),
                    "decision_dates": (6, 6), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the fifty-first round (bench/RESULTS.md: 69% of money lines found, 67% precise);
    # then used to tune the fifty-fourth round: a tuning split since.
    "held-out-52": {"records": 22, "found": (41, 45), "precision": 41 / 45, "role": 29 / 41, "references": (3, 4),
                    "decision_dates": (8, 8), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the fifty-fourth round (bench/RESULTS.md: 75% of money lines found, 77%
    # precise; one reference invented, a freedom of information request's number); then used to tune the fifty-fifth
    # round: a tuning split since.
    "held-out-53": {"records": 20, "found": (50, 53), "precision": 50 / 52, "role": 30 / 50, "references": (9, 10),
                    "decision_dates": (2, 3), "flags": (1, 1), "invented": 1},
    # Scored once, untouched, after the fifty-fourth round (bench/RESULTS.md: 64% of money lines found, 63% precise);
    # then used to tune the fifty-sixth round: a tuning split since.
    "held-out-54": {"records": 23, "found": (39, 50), "precision": 39 / 51, "role": 25 / 39, "references": (5, 6),
                    "decision_dates": (9, 9), "flags": (1, 2), "invented": 0},
    # Scored once, untouched, after the fifty-sixth round (bench/RESULTS.md: 80% of money lines found, 82%
    # precise), then used to tune the fifty-seventh round: a tuning split since.
    "held-out-55": {"records": 18, "found": (52, 64), "precision": 52 / 62, "role": 35 / 52, "references": (4, 4),
                    "decision_dates": (2, 2), "flags": (0, 1), "invented": 0},
    # Scored once, untouched, after the fifty-sixth round (bench/RESULTS.md: 62% of money lines found, 62%
    # precise), then used to tune the fifty-eighth round: a tuning split since.
    "held-out-56": {"records": 20, "found": (28, 37), "precision": 28 / 37, "role": 20 / 28, "references": (0, 1),
                    "decision_dates": (7, 7), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the fifty-sixth round (bench/RESULTS.md: 73% of money lines found, 75%
    # precise; one reference invented), then used to tune the fifty-ninth round: a tuning split since.
    "held-out-57": {"records": 17, "found": (46, 52), "precision": 46 / 51, "role": 25 / 46, "references": (3, 3),
                    "decision_dates": (1, 1), "flags": (1, 1), "invented": 1},
    # Scored once, untouched, after the fifty-sixth round (bench/RESULTS.md: 76% of money lines found, 79%
    # precise), then used to tune the sixtieth round: a tuning split since.
    "held-out-58": {"records": 22, "found": (53, 63), "precision": 53 / 62, "role": 43 / 53, "references": (2, 4),
                    "decision_dates": (9, 10), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the sixtieth round (bench/RESULTS.md: 70% of money lines found, 70% precise),
    # then used to tune the sixty-first round: a tuning split since.
    "held-out-59": {"records": 16, "found": (56, 73), "precision": 56 / 73, "role": 25 / 56, "references": (5, 5),
                    "decision_dates": (3, 3), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the sixtieth round (bench/RESULTS.md: 60% of money lines found, 58% precise),
    # then used to tune the sixty-second round: a tuning split since. Its role share fell (15/28 to 15/32) as lines
    # found rose.
    "held-out-60": {"records": 20, "found": (36, 47), "precision": 36 / 47, "role": 20 / 36, "references": (4, 4),
                    "decision_dates": (7, 7), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the sixty-second round (bench/RESULTS.md: 75% of money lines found, 75% precise;
    # three records only, its gatherer's time ran out).
    "held-out-61": {"records": 3, "found": (9, 12), "precision": 9 / 12, "role": 1 / 9, "references": (1, 1),
                    "decision_dates": (0, 1), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the sixty-second round (bench/RESULTS.md: 70% of money lines found, 73% precise).
    "held-out-62": {"records": 18, "found": (21, 27), "precision": 21 / 26, "role": 19 / 21, "references": (2, 2),
                    "decision_dates": (11, 11), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the merge of the sixty-third to sixty-sixth rounds, which were tuned on the misses of
    # every earlier part (bench/RESULTS.md: 75% of money lines found, 80% precise). Its role share fell in the
    # sixty-eighth round (22/47 to 22/48) and in the seventy-first (26/48 to 26/50) as lines found rose.
    "held-out-63": {"records": 20, "found": (52, 63), "precision": 52 / 59, "role": 28 / 52, "references": (1, 1),
                    "decision_dates": (2, 2), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 67% found, 67% precise).
    "held-out-64": {"records": 21, "found": (44, 66), "precision": 44 / 65, "role": 24 / 44, "references": (2, 3),
                    "decision_dates": (10, 10), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 76% found, 75% precise).
    "held-out-65": {"records": 20, "found": (45, 58), "precision": 45 / 59, "role": 30 / 45, "references": (1, 1),
                    "decision_dates": (10, 11), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 58% found, 61% precise). Its role share fell in
    # the eighty-second round (52/78 to 52/80) as lines found rose.
    "held-out-66": {"records": 21, "found": (81, 122), "precision": 81 / 118, "role": 53 / 81, "references": (2, 3),
                    "decision_dates": (2, 2), "flags": (2, 3), "invented": 0},
    # Scored once, untouched, after the merge of the sixty-seventh to seventieth rounds, which were tuned on the misses of
    # every earlier part (bench/RESULTS.md: 64% of money lines found, 70% precise).
    "held-out-67": {"records": 18, "found": (42, 66), "precision": 42 / 60, "role": 26 / 42, "references": (1, 1),
                    "decision_dates": (1, 2), "flags": (0, 1), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 54% found, 57% precise).
    "held-out-68": {"records": 20, "found": (33, 59), "precision": 33 / 56, "role": 13 / 33, "references": (0, 3),
                    "decision_dates": (6, 7), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 60% found, 63% precise; one reference invented).
    # Its role share fell in the seventy-ninth round (22/40 to 22/41) as lines found rose.
    "held-out-69": {"records": 20, "found": (42, 65), "precision": 42 / 62, "role": 23 / 42, "references": (0, 0),
                    "decision_dates": (5, 5), "flags": (0, 0), "invented": 1},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 71% found, 74% precise). Its role share fell in
    # the seventy-ninth round (32/53 to 32/54) as lines found rose.
    "held-out-70": {"records": 18, "found": (55, 75), "precision": 55 / 72, "role": 33 / 55, "references": (0, 0),
                    "decision_dates": (2, 2), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the merge of the seventy-first to seventy-fourth rounds, which were tuned on the misses
    # of every earlier part (bench/RESULTS.md: 81% of money lines found, 86% precise).
    "held-out-71": {"records": 19, "found": (48, 59), "precision": 48 / 56, "role": 27 / 48, "references": (0, 0),
                    "decision_dates": (0, 0), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 74% found, 78% precise).
    "held-out-72": {"records": 16, "found": (29, 39), "precision": 29 / 37, "role": 16 / 29, "references": (0, 0),
                    "decision_dates": (9, 10), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 66% found, 66% precise).
    "held-out-73": {"records": 18, "found": (23, 35), "precision": 23 / 35, "role": 15 / 23, "references": (0, 1),
                    "decision_dates": (11, 11), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 52% found, 51% precise).
    "held-out-74": {"records": 16, "found": (46, 71), "precision": 46 / 72, "role": 26 / 46, "references": (0, 0),
                    "decision_dates": (1, 7), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the merge of the seventy-fifth to seventy-eighth rounds, which were tuned on the
    # misses of every earlier part (bench/RESULTS.md: 84% of money lines found, 84% precise). Its role share fell in the
    # seventy-ninth round (22/43 to 23/45) as lines found rose.
    "held-out-75": {"records": 17, "found": (45, 51), "precision": 45 / 51, "role": 23 / 45, "references": (1, 1),
                    "decision_dates": (2, 2), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 76% found, 79% precise).
    "held-out-76": {"records": 17, "found": (26, 34), "precision": 26 / 33, "role": 14 / 26, "references": (0, 0),
                    "decision_dates": (10, 10), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 65% found, 64% precise).
    "held-out-77": {"records": 17, "found": (43, 60), "precision": 43 / 61, "role": 25 / 43, "references": (0, 0),
                    "decision_dates": (1, 1), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 74% found, 79% precise).
    "held-out-78": {"records": 17, "found": (46, 61), "precision": 46 / 57, "role": 34 / 46, "references": (0, 0),
                    "decision_dates": (4, 4), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the seventy-ninth to eighty-second rounds merged, rounds tuned on the misses of
    # every earlier part (bench/RESULTS.md: 68% of money lines found, 73% precise).
    "held-out-79": {"records": 19, "found": (50, 72), "precision": 50 / 67, "role": 27 / 50, "references": (1, 1),
                    "decision_dates": (3, 3), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 72% found, 72% precise).
    "held-out-80": {"records": 20, "found": (51, 71), "precision": 51 / 71, "role": 24 / 51, "references": (9, 9),
                    "decision_dates": (9, 9), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 79% found, 77% precise).
    "held-out-81": {"records": 21, "found": (76, 96), "precision": 76 / 99, "role": 40 / 76, "references": (0, 0),
                    "decision_dates": (1, 2), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 66% found, 74% precise), then used to tune the
    # eighty-third round: its role share fell (20/40 to 20/41) as lines found rose.
    "held-out-82": {"records": 22, "found": (41, 61), "precision": 41 / 54, "role": 20 / 41, "references": (0, 0),
                    "decision_dates": (0, 1), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the eighty-third to eighty-sixth rounds merged, rounds tuned on the misses of
    # every earlier part (bench/RESULTS.md: 59% of money lines found, 59% precise).
    "held-out-83": {"records": 20, "found": (43, 73), "precision": 43 / 73, "role": 18 / 43, "references": (1, 3),
                    "decision_dates": (1, 4), "flags": (1, 1), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 63% found, 65% precise).
    "held-out-84": {"records": 22, "found": (36, 57), "precision": 36 / 55, "role": 19 / 36, "references": (1, 1),
                    "decision_dates": (0, 1), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 62% found, 70% precise).
    "held-out-85": {"records": 21, "found": (65, 104), "precision": 65 / 93, "role": 24 / 65, "references": (0, 0),
                    "decision_dates": (0, 4), "flags": (0, 0), "invented": 0},
    # Scored once, untouched, after the same merge (bench/RESULTS.md: 81% found, 82% precise).
    "held-out-86": {"records": 22, "found": (84, 104), "precision": 84 / 102, "role": 47 / 84, "references": (0, 0),
                    "decision_dates": (1, 4), "flags": (0, 0), "invented": 0},
}


@pytest.fixture(scope="module", params=sorted(PINS))
def measured(request):
    total, _kinds = score(request.param)
    return request.param, total


def test_the_corpus_figures_do_not_fall_below_what_was_measured(measured):
    split, t = measured
    pin = PINS[split]
    misses = "\n".join(t.misses)
    assert (t.records, t.truth_lines, t.references, t.decision_dates, t.flags) == (
        pin["records"], pin["found"][1], pin["references"][1], pin["decision_dates"][1], pin["flags"][1])
    assert t.found_lines >= pin["found"][0], misses
    assert t.right_lines / t.draft_lines >= pin["precision"] - 1e-9, misses
    assert t.roles_right / t.roles >= pin["role"] - 1e-9, misses
    assert t.references_right >= pin["references"][0], misses
    assert t.decision_dates_right >= pin["decision_dates"][0], misses
    assert t.flags_right >= pin["flags"][0], misses
    assert t.references_invented <= pin["invented"], misses


def test_a_record_read_wrongly_is_counted_as_a_miss(tmp_path, monkeypatch):
    """The scorer itself can fail: a record whose truth names another counterparty is not found."""
    from . import corpus_score

    (tmp_path / "tune").mkdir()
    (tmp_path / "tune" / "one.txt").write_text("The Home Office awarded the Commissioner £50,000 for 2024/25.\n")
    (tmp_path / "tune" / "one.json").write_text(
        '{"layout": "test", "reference": "X/1", "decision_date": "2024-05-01", "publication_date": null, '
        '"money": [{"amount": "50000.00", "counterparty": ["Ministry of Justice"], "role": "award", '
        '"per_annum": false}], "period": null, "actions": []}')
    monkeypatch.setattr(corpus_score, "CORPUS", tmp_path)
    total, kinds = corpus_score.score("tune")
    assert (total.truth_lines, total.found_lines, total.draft_lines, total.right_lines) == (1, 0, 1, 0)
    assert (total.references, total.references_right, total.decision_dates, total.decision_dates_right) == (1, 0, 1, 0)
    assert list(kinds) == ["test"]


def test_a_department_is_the_same_party_by_its_acronym_or_its_full_name():
    from .corpus_score import counterparty_right

    assert counterparty_right(["MHCLG"], "Ministry of Housing, Communities and Local Government")
    assert counterparty_right(["Ministry of Justice"], "MoJ")


def test_a_department_is_not_taken_for_another_or_for_a_body_that_is_no_department():
    # The table's limit: it passes without the table and must still pass with it.
    from .corpus_score import counterparty_right

    assert not counterparty_right(["MHCLG"], "Department for Levelling Up, Housing and Communities")
    assert not counterparty_right(["MHCLG"], "Ministry of Justice")
    assert not counterparty_right(["Oakdale Trust"], "MoJ")

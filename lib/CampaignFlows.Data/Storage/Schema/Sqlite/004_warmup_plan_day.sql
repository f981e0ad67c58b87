-- Version 4: the warm-up day log keeps the plan day (1 to 28) beside the calendar day, so a held day, which repeats
-- its plan day, can be told apart without reading the reason text.

ALTER TABLE warmup_days ADD COLUMN plan_day INTEGER NULL;

-- Rows written before this version carry the plan day only in their reason ("Plan day N at ..."); SQLite's
-- integer cast reads the leading digits and stops at the first non-digit.
UPDATE warmup_days SET plan_day = CAST(substr(reason, 10) AS INTEGER) WHERE reason LIKE 'Plan day %';

-- money figures per article, largest first
SELECT a.doc_id, q.text, q.value, q.unit
FROM read_parquet('out/quantities/*.parquet') q
JOIN read_parquet('out/articles/*.parquet') a USING (article_id)
WHERE q.kind = 'money'
ORDER BY q.value DESC;

-- a panel of indicators: subject × indicator × period
SELECT subject, indicator, period_start, period_end, value, unit, change_pct, modality
FROM read_parquet('out/indicators/*.parquet')
ORDER BY subject, indicator, period_start;

-- every offset points at its mention: start/end are code points into articles.text
SELECT count(*) AS mentions,
       count(*) FILTER (WHERE substring(a.text, q.start + 1, q."end" - q.start) = q.text) AS exact
FROM read_parquet('out/quantities/*.parquet') q
JOIN read_parquet('out/articles/*.parquet') a USING (article_id);

-- periods are DATEs; vague ones (近年来) have null dates
SELECT granularity, count(*) AS periods, min(period_start) AS first_day, max(period_end) AS last_day,
       count(*) FILTER (WHERE period_start IS NULL) AS undated
FROM read_parquet('out/periods/*.parquet')
GROUP BY granularity
ORDER BY granularity;

-- articles per publication month; null when the article gives no date
SELECT date_trunc('month', published) AS month, count(*) AS articles
FROM read_parquet('out/articles/*.parquet')
GROUP BY month
ORDER BY month NULLS LAST;

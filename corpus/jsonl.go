package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"govx"
)

// readJSONL reads a JSON Lines stream: one article per non-blank line. A
// bad line fails alone; a line over the article cap is skipped without
// being held in memory.
func (l limits) readJSONL(in input, yield yieldFunc) bool {
	br := bufio.NewReaderSize(in.r, 64<<10)
	name := path.Base(in.name)
	records := 0
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, l.maxArticle)
		source := fmt.Sprintf("%s#%d", in.source, n)
		if err != nil && err != io.EOF {
			// A read error (truncated gzip, bomb, I/O) ends the stream.
			return fail(yield, source, err)
		}
		switch {
		case tooLong:
			records++
			if !fail(yield, source, fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, l.maxArticle)) {
				return false
			}
		case len(bytes.TrimSpace(line)) > 0:
			records++
			doc, perr := ParseLine(line)
			if perr != nil {
				if !fail(yield, source, perr) {
					return false
				}
				break
			}
			if doc.DocID == "" {
				doc.DocID = fmt.Sprintf("%s#%d", name, n)
			}
			doc.Source = source
			if !yield(doc, nil) {
				return false
			}
		}
		if err == io.EOF {
			if records == 0 {
				return fail(yield, in.source, ErrEmpty)
			}
			return true
		}
	}
}

// readLine reads one line without its line end. A line longer than max is
// consumed and dropped, and reported by tooLong.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > max+2 { // +2: the line end
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		if err == io.EOF && len(line) == 0 && !tooLong {
			return nil, false, io.EOF
		}
		return line, tooLong, err
	}
}

// record is a JSON Lines article; other fields are ignored. The id and
// the dates may have several JSON types and are decoded by hand.
type record struct {
	ID        json.RawMessage `json:"id"`
	Title     *string         `json:"title"`
	Text      *string         `json:"text"`
	Content   *string         `json:"content"`
	URL       *string         `json:"url"`
	Published json.RawMessage `json:"published"`
	Date      json.RawMessage `json:"date"`
}

// ParseLine parses one JSON Lines record into a Document (without Source;
// DocID is the record's id, "" when it has none). The text is field text,
// else content; the date is published, else date, in one of the layouts of
// ParsePublished. Errors wrap ErrRecord, or ErrEncoding for a line that is
// neither UTF-8 nor GB18030.
func ParseLine(line []byte) (govx.Document, error) {
	line = bytes.TrimPrefix(line, bomUTF8)
	if !utf8.Valid(line) {
		s, err := Decode(line)
		if err != nil {
			return govx.Document{}, err
		}
		line = []byte(s)
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			kind, _, _ := strings.Cut(te.Value, " ")
			return govx.Document{}, fmt.Errorf("%w: field %s is %s, want a string", ErrRecord, te.Field, jsonKinds[kind])
		}
		return govx.Document{}, fmt.Errorf("%w: %v", ErrRecord, err)
	}
	var d govx.Document
	var err error
	if d.DocID, err = idField(rec.ID); err != nil {
		return d, err
	}
	d.Title = deref(rec.Title)
	if d.Text = deref(rec.Text); d.Text == "" {
		d.Text = deref(rec.Content)
	}
	if strings.TrimSpace(d.Text) == "" {
		return d, fmt.Errorf("%w: no text (fields text and content are missing or empty)", ErrRecord)
	}
	field, raw := "published", rec.Published
	if isNull(raw) {
		field, raw = "date", rec.Date
	}
	if d.Published, err = dateField(field, raw); err != nil {
		return d, err
	}
	return d, nil
}

// jsonKinds names the JSON types in encoding/json's type errors.
var jsonKinds = map[string]string{
	"number": "a number", "bool": "a boolean", "array": "an array", "object": "an object", "string": "a string",
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// idField decodes the id, a string or an integer.
func idField(raw json.RawMessage) (string, error) {
	if isNull(raw) {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	if _, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
		return string(raw), nil
	}
	return "", fmt.Errorf("%w: field id is %s, want a string or an integer", ErrRecord, kindOf(raw))
}

// dateField decodes a date: a string in one of ParsePublished's layouts,
// or a Unix time in seconds or milliseconds.
func dateField(name string, raw json.RawMessage) (govx.Date, error) {
	if isNull(raw) {
		return govx.Date{}, nil
	}
	s := string(raw)
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return govx.Date{}, fmt.Errorf("%w: field %s: %v", ErrRecord, name, err)
		}
	} else if raw[0] != '-' && (raw[0] < '0' || raw[0] > '9') {
		return govx.Date{}, fmt.Errorf("%w: field %s is %s, want a date", ErrRecord, name, kindOf(raw))
	}
	d, err := ParsePublished(s)
	if err != nil {
		return govx.Date{}, fmt.Errorf("%w: field %s: %w", ErrRecord, name, err)
	}
	return d, nil
}

// kindOf names the JSON type of a raw value for error messages.
func kindOf(raw json.RawMessage) string {
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	default:
		return "a number"
	}
}

// Date layouts of ParsePublished.
var (
	// ymdDate is a year, month and day at the start of a string, as
	// 2023-04-18, 2023/4/8, 2023.04.18 or 2023年4月18日, optionally
	// followed by a time (and zone), which is ignored.
	ymdDate = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:$|[T\s]\s*\d{1,2}[:：时])`)
	// compactDate is 20230418, optionally followed by a time.
	compactDate = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:$|[T\s]\d)`)
	// unixTime is a Unix time in seconds (10 digits) or milliseconds (13).
	unixTime = regexp.MustCompile(`^(\d{10}|\d{13})(?:\.\d+)?$`)
	// textLayouts are the remaining layouts tried with time.Parse.
	textLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "2 Jan 2006", "Jan 2, 2006", "January 2, 2006"}
)

// chinaTime is the zone Unix times are read in: the genre is Chinese news.
var chinaTime = time.FixedZone("UTC+8", 8*60*60)

// ParsePublished parses a publish date as written in article metadata:
// 2023-04-18, 2023/4/18, 2023.04.18, 2023年4月18日, 20230418, any of them
// followed by a time (2023-04-18T10:00:00+08:00, 2023-04-18 10:00), RFC 1123
// (Tue, 18 Apr 2023 10:00:00 +0800), or a Unix time in seconds or
// milliseconds (taken in China's time zone). A date with a time keeps the
// calendar day as written. "" gives the zero Date.
func ParsePublished(s string) (govx.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return govx.Date{}, nil
	}
	for _, re := range []*regexp.Regexp{ymdDate, compactDate} {
		if m := re.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			return validDate(s, y, mo, d)
		}
	}
	if m := unixTime.FindStringSubmatch(s); m != nil {
		n, _ := strconv.ParseInt(m[1], 10, 64)
		if len(m[1]) == 13 {
			n /= 1000
		}
		t := time.Unix(n, 0).In(chinaTime)
		return govx.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, nil
	}
	for _, layout := range textLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return govx.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, nil
		}
	}
	return govx.Date{}, fmt.Errorf("unrecognized date %q", s)
}

// errBadDate is a date whose numbers do not name a day.
var errBadDate = errors.New("no such day")

func validDate(s string, y, m, d int) (govx.Date, error) {
	date := govx.DateOf(y, time.Month(m), d)
	if y < 1900 || y > 2200 || date != (govx.Date{Year: y, Month: time.Month(m), Day: d}) {
		return govx.Date{}, fmt.Errorf("date %q: %w", s, errBadDate)
	}
	return date, nil
}

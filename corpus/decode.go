package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Byte-order marks.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// gbReplacement is U+FFFD encoded in GB18030: the only way a correct
// GB18030 text decodes to a replacement character.
var gbReplacement = []byte{0x84, 0x31, 0xA4, 0x37}

// detectPrefix is how much of a non-UTF-8 input the charset detector sees.
const detectPrefix = 64 << 10

// Decode returns the text of b as UTF-8 without a byte-order mark. It
// reads UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030/GBK
// (or Big5) detected from the bytes. Bytes that do not decode, binary data and
// empty input are errors (wrapping ErrEncoding, ErrBinary or ErrEmpty);
// nothing is silently replaced.
func Decode(b []byte) (string, error) {
	var (
		s   string
		err error
	)
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
		if i := invalidUTF8(b); i >= 0 {
			return "", fmt.Errorf("%w: UTF-8 (with BOM) invalid at byte %d", ErrEncoding, i+len(bomUTF8))
		}
		s = string(b)
	case bytes.HasPrefix(b, bomUTF16LE), bytes.HasPrefix(b, bomUTF16BE):
		s, err = decodeUTF16(b)
	case utf8.Valid(b):
		s = string(b)
	default:
		s, err = decodeLegacy(b)
	}
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(s) == "" {
		return "", ErrEmpty
	}
	if i := binaryAt(s); i >= 0 {
		return "", fmt.Errorf("%w: control character %U at byte %d", ErrBinary, s[i], i)
	}
	return s, nil
}

// invalidUTF8 returns the offset of the first invalid UTF-8 byte in b, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// decodeUTF16 decodes b, which starts with a UTF-16 byte-order mark.
func decodeUTF16(b []byte) (string, error) {
	big := b[0] == 0xFE
	b = b[2:]
	if len(b)%2 != 0 {
		return "", fmt.Errorf("%w: UTF-16 with an odd number of bytes", ErrEncoding)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if big {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	for i := 0; i < len(u); i++ {
		switch {
		case utf16.IsSurrogate(rune(u[i])) && u[i] < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] <= 0xDFFF:
			i++ // a valid pair
		case utf16.IsSurrogate(rune(u[i])):
			return "", fmt.Errorf("%w: UTF-16 unpaired surrogate at byte %d", ErrEncoding, 2+2*i)
		}
	}
	return string(utf16.Decode(u)), nil
}

// decodeLegacy decodes text that is not UTF-8: GB18030 (a superset of GBK
// and GB2312; the GBK decoder garbles four-byte characters) when the
// detector or the text itself says it is Chinese.
func decodeLegacy(b []byte) (string, error) {
	utfAt := invalidUTF8(b)
	if i := invalidGB18030(b); i >= 0 {
		return "", fmt.Errorf("%w: neither UTF-8 (invalid at byte %d) nor GB18030 (invalid at byte %d)%s", ErrEncoding, utfAt, i, guess(b))
	}
	// Big5 (traditional Chinese) is well-formed GB18030 too, and decodes
	// to rare characters: text with few common GB2312 characters is
	// checked with the detector first.
	if gb2312Share(b) < minGB2312Share {
		if r := detect(b); r != nil && r.Charset == "Big5" {
			s, err := traditionalchinese.Big5.NewDecoder().String(string(b))
			if err == nil && !strings.ContainsRune(s, utf8.RuneError) {
				return s, nil
			}
			// Not well-formed Big5 after all: go on with GB18030.
		}
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().String(string(b))
	if err != nil {
		return "", fmt.Errorf("%w: GB18030: %v", ErrEncoding, err)
	}
	if strings.Count(s, "\uFFFD") > bytes.Count(b, gbReplacement) {
		return "", fmt.Errorf("%w: GB18030 has byte sequences outside the standard", ErrEncoding)
	}
	// Text in another single-byte code page often parses as GB18030 too:
	// trust it only when the result reads as Chinese or, for text with
	// little Chinese in it, when the charset detector agrees.
	if !mostlyHan(s) && !detectedGB(b) {
		return "", fmt.Errorf("%w: not UTF-8 (invalid at byte %d) and does not read as GB18030%s", ErrEncoding, utfAt, guess(b))
	}
	return s, nil
}

// minGB2312Share is the share of two-byte characters that simplified
// Chinese text in GB18030 has in the GB2312 range (in practice over 95%).
const minGB2312Share = 0.8

// gb2312Share returns the share of the two-byte sequences of well-formed
// GB18030 b that fall in the GB2312 range (both bytes 0xA1–0xFE).
func gb2312Share(b []byte) float64 {
	gb2312, all := 0, 0
	for i := 0; i+1 < len(b); {
		switch c := b[i]; {
		case c < 0x80:
			i++
		case b[i+1] >= '0' && b[i+1] <= '9':
			i += 4
		default:
			all++
			if c >= 0xA1 && b[i+1] >= 0xA1 {
				gb2312++
			}
			i += 2
		}
	}
	if all == 0 {
		return 1
	}
	return float64(gb2312) / float64(all)
}

// invalidGB18030 returns the offset of the first byte sequence that is not
// well-formed GB18030, or -1.
func invalidGB18030(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
		case c == 0x80 || c == 0xFF || i+1 >= len(b):
			return i
		case 0x40 <= b[i+1] && b[i+1] <= 0xFE && b[i+1] != 0x7F:
			i += 2
		case '0' <= b[i+1] && b[i+1] <= '9' && i+3 < len(b) &&
			0x81 <= b[i+2] && b[i+2] <= 0xFE && '0' <= b[i+3] && b[i+3] <= '9':
			i += 4
		default:
			return i
		}
	}
	return -1
}

// detect returns the charset detector's best guess for the start of b.
func detect(b []byte) *chardet.Result {
	if len(b) > detectPrefix {
		b = b[:detectPrefix]
	}
	r, err := chardet.NewTextDetector().DetectBest(b)
	if err != nil {
		return nil
	}
	return r
}

func detectedGB(b []byte) bool {
	r := detect(b)
	return r != nil && r.Charset == "GB-18030"
}

// guess describes the detector's guess for an error message.
func guess(b []byte) string {
	if r := detect(b); r != nil {
		return fmt.Sprintf("; looks like %s (confidence %d)", r.Charset, r.Confidence)
	}
	return ""
}

// mostlyHan reports whether at least 80% of the non-ASCII letters of s are
// Chinese characters.
func mostlyHan(s string) bool {
	han, other := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf || unicode.IsPunct(r) || unicode.IsSpace(r):
		case unicode.Is(unicode.Han, r):
			han++
		default:
			other++
		}
	}
	return han > 0 && han*5 >= (han+other)*4
}

// binaryAt returns the offset of the first NUL byte of s, or of its first
// control character when they are more than 1% of it (text has tabs, line
// ends and form feeds, and the odd stray control character), or -1.
func binaryAt(s string) int {
	first, n := -1, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != 0x7F || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			continue
		}
		if c == 0 {
			return i
		}
		if first < 0 {
			first = i
		}
		n++
	}
	if n*100 > len(s) {
		return first
	}
	return -1
}

package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// Decode turns raw input bytes into UTF-8 text. name is only used in errors.
//
// With encoding "" it detects: a UTF-8 byte order mark (dropped) or valid
// UTF-8; a UTF-16 byte order mark (little or big endian); otherwise, and only
// when the bytes are not valid UTF-8, GB18030 (which covers GBK and GB2312)
// and Big5 (with the HKSCS extensions) are tried, and one is accepted only if
// it decodes without error and the result is plausibly Chinese: most of its
// non-ASCII characters are common hanzi (GB2312 level 1 or Big5 level 1) or
// CJK punctuation. Anything else is a *ParseError wrapping ErrEncoding with the
// byte offset of the first byte that is not UTF-8: a Latin-1 "café" is an
// error, never mojibake.
//
// A named encoding ("utf-8", "gb18030", "gbk", "gb2312", "big5",
// "big5-hkscs", "utf-16", "utf-16le", "utf-16be", or any WHATWG label)
// overrides detection; bytes invalid in it are an error too. Decode never
// inserts U+FFFD. Empty input wraps ErrEmpty; input with NUL bytes or other
// control characters (other than tab, newline, carriage return, form feed and
// vertical tab) wraps ErrBinary.
func Decode(data []byte, name, encodingName string) (string, error) {
	if len(data) == 0 {
		return "", &ParseError{File: name, Offset: -1, Err: ErrEmpty}
	}
	enc := strings.ToLower(strings.TrimSpace(encodingName))
	var (
		text string
		err  error
	)
	switch enc {
	case "":
		text, err = detectDecode(data, name)
	case "utf-8", "utf8":
		text, err = decodeUTF8(data, name)
	case "utf-16", "utf16":
		text, err = decodeUTF16(data, name, 0)
	case "utf-16le", "utf16le":
		text, err = decodeUTF16(data, name, 'l')
	case "utf-16be", "utf16be":
		text, err = decodeUTF16(data, name, 'b')
	default:
		e, lerr := lookupEncoding(enc)
		if lerr != nil {
			return "", &ParseError{File: name, Offset: -1, Err: fmt.Errorf("%w: %v", ErrEncoding, lerr)}
		}
		text, err = decodeWith(data, name, e, enc)
	}
	if err != nil {
		return "", err
	}
	if err := checkControls(text, name, 0); err != nil {
		return "", err
	}
	if strings.TrimSpace(text) == "" {
		return "", &ParseError{File: name, Offset: -1, Err: ErrEmpty}
	}
	return text, nil
}

// lookupEncoding maps an encoding name to an encoding. GBK and GB2312 are
// decoded as GB18030, their superset; Big5 includes HKSCS.
func lookupEncoding(name string) (encoding.Encoding, error) {
	switch strings.ReplaceAll(name, "_", "-") {
	case "gb18030", "gbk", "gb2312", "cp936", "euc-cn":
		return simplifiedchinese.GB18030, nil
	case "big5", "big5-hkscs", "big5hkscs", "cp950":
		return traditionalchinese.Big5, nil
	}
	e, err := htmlindex.Get(name)
	if err != nil {
		return nil, fmt.Errorf("unknown encoding %q", name)
	}
	return e, nil
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

func detectDecode(data []byte, name string) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return decodeUTF8(data, name)
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(data, name, 0)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", &ParseError{File: name, Offset: int64(i),
			Err: fmt.Errorf("%w: NUL byte (UTF-16 without a byte order mark? name it with --encoding utf-16le or utf-16be, or convert the file to UTF-8)", ErrBinary)}
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	bad := firstInvalidUTF8(data)
	best, bestScore := "", 0.0
	for _, e := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5} {
		s, err := e.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(s, utf8.RuneError) {
			continue
		}
		if score := chineseScore(string(s)); score > bestScore {
			best, bestScore = string(s), score
		}
	}
	if bestScore >= minChineseScore && !strayBytes(best) {
		return best, nil
	}
	return "", &ParseError{File: name, Offset: int64(bad), Err: fmt.Errorf(
		"%w: byte 0x%02X on line %d is not UTF-8, and the file is not plausible GB18030 or Big5 Chinese; name its encoding with --encoding",
		ErrEncoding, data[bad], 1+bytes.Count(data[:bad], []byte{'\n'}))}
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

func decodeUTF8(data []byte, name string) (string, error) {
	off := 0
	if bytes.HasPrefix(data, bomUTF8) {
		data, off = data[len(bomUTF8):], len(bomUTF8)
	}
	if bad := firstInvalidUTF8(data); bad >= 0 {
		return "", &ParseError{File: name, Offset: int64(off + bad),
			Err: fmt.Errorf("%w: byte 0x%02X on line %d is not UTF-8", ErrEncoding, data[bad], 1+bytes.Count(data[:bad], []byte{'\n'}))}
	}
	return string(data), nil
}

// decodeUTF16 decodes UTF-16; order is 'l' or 'b', or 0 to require a byte
// order mark. A byte order mark is dropped.
func decodeUTF16(data []byte, name string, order byte) (string, error) {
	off := 0
	switch {
	case bytes.HasPrefix(data, bomUTF16LE):
		order, off = 'l', 2
	case bytes.HasPrefix(data, bomUTF16BE):
		order, off = 'b', 2
	case order == 0:
		return "", &ParseError{File: name, Offset: 0,
			Err: fmt.Errorf("%w: UTF-16 without a byte order mark: name it utf-16le or utf-16be", ErrEncoding)}
	}
	if (len(data)-off)%2 != 0 {
		return "", &ParseError{File: name, Offset: int64(len(data) - 1),
			Err: fmt.Errorf("%w: odd number of bytes in UTF-16 text", ErrEncoding)}
	}
	units := make([]uint16, 0, (len(data)-off)/2)
	for i := off; i+1 < len(data); i += 2 {
		if order == 'l' {
			units = append(units, uint16(data[i])|uint16(data[i+1])<<8)
		} else {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		}
	}
	var b strings.Builder
	b.Grow(len(units) * 2)
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case utf16.IsSurrogate(rune(u)):
			if u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000 {
				b.WriteRune(utf16.DecodeRune(rune(u), rune(units[i+1])))
				i++
				continue
			}
			return "", &ParseError{File: name, Offset: int64(off + 2*i),
				Err: fmt.Errorf("%w: unpaired UTF-16 surrogate 0x%04X", ErrEncoding, u)}
		default:
			b.WriteRune(rune(u))
		}
	}
	return b.String(), nil
}

// decodeWith decodes data in a named encoding, failing at the first byte
// sequence the encoding does not define.
func decodeWith(data []byte, name string, e encoding.Encoding, encName string) (string, error) {
	s, err := e.NewDecoder().Bytes(data)
	if err == nil && !bytes.ContainsRune(s, utf8.RuneError) {
		return string(s), nil
	}
	at := locateInvalid(e, data)
	return "", &ParseError{File: name, Offset: int64(at),
		Err: fmt.Errorf("%w: bytes at offset %d are not valid %s", ErrEncoding, at, encName)}
}

// locateInvalid finds the offset of the first byte sequence that e decodes
// to U+FFFD, decoding one character at a time (only on the error path).
func locateInvalid(e encoding.Encoding, data []byte) int {
	dec := e.NewDecoder()
	var dst [16]byte
	for i := 0; i < len(data); {
		consumed := 0
		for k := 1; k <= 4 && i+k <= len(data); k++ {
			dec.Reset()
			nDst, nSrc, err := dec.Transform(dst[:], data[i:i+k], i+k == len(data))
			if err == transform.ErrShortSrc {
				continue
			}
			if bytes.ContainsRune(dst[:nDst], utf8.RuneError) || (err != nil && nSrc == 0) {
				return i
			}
			consumed = nSrc
			break
		}
		if consumed == 0 {
			return i
		}
		i += consumed
	}
	return len(data)
}

// checkControls rejects decoded text that holds control characters, which
// text never does. base is the offset of text in the input.
func checkControls(text, name string, base int) error {
	for i, r := range text {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' || r == 0x7F {
			what := "control character"
			if r == 0 {
				what = "NUL byte"
			}
			return &ParseError{File: name, Offset: int64(base + i),
				Err: fmt.Errorf("%w: %s 0x%02X at byte %d", ErrBinary, what, r, base+i)}
		}
	}
	return nil
}

// minChineseScore is the share of common hanzi and CJK punctuation among the
// non-ASCII characters that a legacy decoding must reach to be believed.
// Real GB18030 or Big5 Chinese scores above 0.9; Latin-1 text misread as GBK
// yields rare characters from the GBK extension areas and scores near 0.
const minChineseScore = 0.6

// strayBytes reports whether legacy-decoded text s is ASCII but for a
// few characters (under minLegacyChars, and under a twentieth of it): an
// English file with a stray byte, not Chinese in GB18030 or Big5.
func strayBytes(s string) bool {
	n, all := 0, 0
	for _, r := range s {
		all++
		if r >= 0x80 {
			n++
		}
	}
	return n < minLegacyChars && n*20 < all
}

// minLegacyChars is how many non-ASCII characters make a legacy decoding
// believable whatever the length of the text.
const minLegacyChars = 8

// chineseScore returns the share of common hanzi and CJK punctuation among
// the non-ASCII runes of s (0 when there are none).
func chineseScore(s string) float64 {
	common := commonHanzi()
	n, good := 0, 0
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		n++
		switch {
		case r >= 0x4E00 && r <= 0x9FFF && common[r-0x4E00]:
			good++
		case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x2010 && r <= 0x2027:
			good++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(good) / float64(n)
}

// commonHanzi marks the hanzi of GB2312 level 1 (the 3,755 most used
// Simplified characters) and Big5 level 1 (the 5,401 most used Traditional
// characters), indexed from U+4E00.
var commonHanzi = sync.OnceValue(func() []bool {
	t := hanziTable(simplifiedchinese.GBK, 0xB0, 0xD7, [2]byte{0xA1, 0xFE})
	for i, ok := range hanziTable(traditionalchinese.Big5, 0xA4, 0xC5, [2]byte{0x40, 0x7E}, [2]byte{0xA1, 0xFE}) {
		t[i] = t[i] || ok
	}
	return t
})

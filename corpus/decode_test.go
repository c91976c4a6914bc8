package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func seedText(t testing.TB) string {
	t.Helper()
	data, err := readTestdata("001_ac1a7e75099f8e09.txt")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readTestdata(name string) (string, error) {
	data, err := os.ReadFile(filepath.Join(testdataDir, name))
	return string(data), err
}

// traditionalText is a short Traditional Chinese news text, written for
// these tests, with characters from the Big5 HKSCS extension (啲 嘢).
const traditionalText = "香港特別行政區政府今日宣佈，將於下月推出新一輪措施，協助中小企業應對經濟挑戰。\n" +
	"財政司司長表示，政府會密切留意市場情況，必要時會採取進一步行動。\n" +
	"市民對措施反應正面，有商戶話：「呢啲嘢幫到我哋。」\n"

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding test text: %v", err)
	}
	return b
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	if bigEndian {
		b = append(b, 0xFE, 0xFF)
	} else {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// TestEncodingsGiveSameSentences: the same text in GB18030, UTF-16 (both
// byte orders) and UTF-8 with a byte order mark reads to exactly the
// sentences of the UTF-8 text, offsets included; Big5 likewise for
// Traditional text.
func TestEncodingsGiveSameSentences(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, text string
		legacy     encoding.Encoding
	}{
		{"simplified", seedText(t), simplifiedchinese.GB18030},
		{"simplified-gbk", seedText(t), simplifiedchinese.GBK},
		{"traditional", traditionalText, traditionalchinese.Big5},
	} {
		t.Run(c.name, func(t *testing.T) {
			read := func(data []byte, enc string) []*Document {
				t.Helper()
				docs, err := ReadDocuments(bytes.NewReader(data), c.name, ReadOptions{Encoding: enc})
				if err != nil {
					t.Fatal(err)
				}
				return docs
			}
			want := read([]byte(c.text), "")
			for name, data := range map[string][]byte{
				"legacy detected": encode(t, c.legacy, c.text),
				"utf-16le":        utf16Bytes(c.text, false),
				"utf-16be":        utf16Bytes(c.text, true),
				"utf-8 bom":       append([]byte{0xEF, 0xBB, 0xBF}, c.text...),
			} {
				if got := read(data, ""); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: sentences differ from UTF-8:\n%s\nwant\n%s", name, dump(got...), dump(want...))
				}
			}
		})
	}
}

func TestDecodeDetects(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		data []byte
		enc  string
		want string
	}{
		{"utf-8", []byte("中文 text"), "", "中文 text"},
		{"utf-8 bom", []byte("\xEF\xBB\xBF中文"), "", "中文"},
		{"gb18030", encode(t, simplifiedchinese.GB18030, "习近平会见塔吉克斯坦总统拉赫蒙。"), "", "习近平会见塔吉克斯坦总统拉赫蒙。"},
		{"big5", encode(t, traditionalchinese.Big5, "臺灣的經濟發展與國際貿易。"), "", "臺灣的經濟發展與國際貿易。"},
		{"big5 named", encode(t, traditionalchinese.Big5, "經濟"), "big5", "經濟"},
		{"gbk named", encode(t, simplifiedchinese.GBK, "经济"), "GBK", "经济"},
		{"cp1252 named", encode(t, charmap.Windows1252, "café"), "windows-1252", "café"},
		{"latin1 named", []byte("caf\xe9"), "iso-8859-1", "café"},
		{"utf-16le named, no bom", []byte{'a', 0, 'b', 0}, "utf-16le", "ab"},
		{"utf-16be named, no bom", []byte{0, 'a', 0, 'b'}, "utf-16be", "ab"},
		{"crlf kept", []byte("a\r\nb"), "", "a\r\nb"},
	} {
		got, err := Decode(c.data, c.name, c.enc)
		if err != nil || got != c.want {
			t.Errorf("%s: Decode = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
}

// TestBadInput: every kind of bad input is a one-line *ParseError that names
// the file and says where.
func TestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cp1252 := encode(t, charmap.Windows1252, "Le café était très bon à Paris, où l'été est chaud.\n")
	for _, c := range []struct {
		name     string
		data     []byte
		opt      ReadOptions
		sentinel error
		where    string // must appear in the message
	}{
		{"binary.bin", []byte("PK\x03\x04\x00\x00binary"), ReadOptions{}, ErrBinary, "(byte 4)"},
		{"controls.txt", []byte("text\x01\x02more"), ReadOptions{}, ErrBinary, "(byte 4)"},
		{"cafe-cp1252.txt", []byte("caf\xe9\n"), ReadOptions{}, ErrEncoding, "(byte 3)"},
		{"french-cp1252.txt", cp1252, ReadOptions{}, ErrEncoding, "(byte 6)"},
		{"garbage.txt", []byte("ok\n\x80\x81\xfe"), ReadOptions{}, ErrEncoding, "line 2"},
		{"stray-byte.txt", []byte("Xi Jinping meets with Tajik President Emomali Rahmon in Dushanbe.\nThe two sides \xc3signed agreements on trade and security.\n"), ReadOptions{}, ErrEncoding, "line 2"},
		{"bad-gbk.txt", append(encode(t, simplifiedchinese.GBK, "经济"), 0xFF), ReadOptions{Encoding: "gbk"}, ErrEncoding, "(byte 4)"},
		{"bad-utf8.txt", []byte("中文\xff"), ReadOptions{Encoding: "utf-8"}, ErrEncoding, "(byte 6)"},
		{"unknown-enc.txt", []byte("x"), ReadOptions{Encoding: "klingon"}, ErrEncoding, "klingon"},
		{"odd-utf16.txt", []byte{0xFF, 0xFE, 'a', 0, 'b'}, ReadOptions{}, ErrEncoding, "(byte 4)"},
		{"surrogate.txt", []byte{0xFF, 0xFE, 0x00, 0xD8, 'a', 0}, ReadOptions{}, ErrEncoding, "(byte 2)"},
		{"empty.txt", nil, ReadOptions{}, ErrEmpty, "empty.txt: empty input"},
		{"blank.txt", []byte(" \n\t\n"), ReadOptions{}, ErrEmpty, "blank.txt: empty input"},
		{"comment.html", []byte("<html><body>\n<p>text</p>\n<!-- never closed\n<p>more</p>"), ReadOptions{}, ErrSyntax, "comment.html:3"},
		{"script.html", []byte("<html><body><p>a</p>\n<script>var x = 1;\n"), ReadOptions{}, ErrSyntax, "script.html:2"},
		{"notext.html", []byte("<html><head><title>t</title></head><body><script>x()</script></body></html>"), ReadOptions{}, ErrSyntax, "no readable text"},
		{"frontmatter.md", []byte("---\ntitle: x\n\nbody"), ReadOptions{}, ErrSyntax, "frontmatter.md:1"},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadFile(path, c.opt)
		var pe *ParseError
		switch {
		case err == nil:
			t.Errorf("%s: no error", c.name)
		case !errors.As(err, &pe) || !errors.Is(err, c.sentinel):
			t.Errorf("%s: %v, want a *ParseError wrapping %v", c.name, err, c.sentinel)
		case !strings.HasPrefix(err.Error(), path) || !strings.Contains(err.Error(), c.where) || strings.Contains(err.Error(), "\n"):
			t.Errorf("%s: message %q should be one line naming the file and %q", c.name, err, c.where)
		}
	}
	missing := filepath.Join(dir, "missing.txt")
	if _, err := ReadFile(missing, ReadOptions{}); err == nil || !errors.Is(err, os.ErrNotExist) || !strings.HasPrefix(err.Error(), missing) {
		t.Errorf("missing file: %v", err)
	}
}

func TestDetectLang(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]Lang{
		"习近平会见塔吉克斯坦总统拉赫蒙":                    Chinese,
		"bilibili夏日毕业歌会为毕业生们带来一场特殊的线上直播":     Chinese,
		"Chinese President Xi Jinping (习近平)": English,
		"2025-06-19 09:06:35": "",
		"Café au lait":        English,
	} {
		if got := DetectLang(text); got != want {
			t.Errorf("DetectLang(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestCheckLang(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text  string
		given Lang
		ok    bool
	}{
		{"Apple 公司周二发布了 iPhone 16 Pro Max 和 Apple Watch Series 10。", Chinese, true},
		{"习近平会见塔吉克斯坦总统拉赫蒙。", Chinese, true},
		{"Xi Jinping meets Tajik President Rahmon.", Chinese, false},
		{"Chinese President Xi Jinping (习近平) met Rahmon.", English, true},
		{"习近平会见塔吉克斯坦总统拉赫蒙。", English, false},
		{"2025-06-19", English, true},
	} {
		doc := &Document{Name: "d.txt", Sentences: []Sentence{{Text: tc.text}}}
		err := CheckLang(doc, tc.given)
		if (err == nil) != tc.ok || err != nil && (!errors.Is(err, ErrLanguage) || !strings.HasPrefix(err.Error(), "d.txt: ")) {
			t.Errorf("CheckLang(%q, %s) = %v, want ok %v", tc.text, tc.given, err, tc.ok)
		}
	}
}

func TestIsTraditional(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		traditionalText:  true,
		"香港金融管理局":        false,
		"香港金融管理局年報。貨幣穩定": true,
		seedText(t):      false,
		"中国":             false,
		"台灣":             true,
	} {
		if got := IsTraditional(text); got != want {
			t.Errorf("IsTraditional(%.30q) = %v, want %v", text, got, want)
		}
	}
}

package tm_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus/tm"
	"github.com/bitext/bitext/corpus/tm/tmtest"
)

// TestTMXExternalTools writes a TMX from real text (news-dev's parallel
// sentences, plus text that needs escaping) and checks it against the TMX
// 1.4 DTD with xmllint and with translate-toolkit's reader.
func TestTMXExternalTools(t *testing.T) {
	t.Parallel()
	zhData, err1 := os.ReadFile("../../../shared/eval/news-dev/parallel-1to1.zh")
	enData, err2 := os.ReadFile("../../../shared/eval/news-dev/parallel-1to1.en")
	if err1 != nil || err2 != nil {
		t.Skip("../shared/eval/news-dev is absent")
	}
	zh := strings.Split(strings.TrimRight(string(zhData), "\n"), "\n")
	en := strings.Split(strings.TrimRight(string(enData), "\n"), "\n")
	if len(zh) != len(en) {
		t.Fatalf("%d zh lines, %d en lines", len(zh), len(en))
	}
	units := make([]tm.Unit, 0, len(zh)+2)
	for i := range zh {
		units = append(units, tm.Unit{ID: fmt.Sprint(i + 1), ZH: zh[i], EN: en[i], Doc: "parallel-1to1", Bead: "1-1", Confidence: 1, HasConfidence: true})
	}
	units = append(units,
		tm.Unit{ZH: "规模<100亿&增长>5% ]]>", EN: `"R&D" <b>spending</b> rose`, Props: []tm.Prop{{Type: "note", Value: `"q" & <t>`}}},
		tm.Unit{ZH: "控制\x01字符", EN: "bell\x07 \uFFFE end"},
		tm.Unit{ZH: "\U0001F600\U00020000\U0003134A\U000E0100\U0010FFFD\u2028", EN: "tab\there\r\nCRLF  "})
	var buf bytes.Buffer
	w := tm.NewTMXWriter(&buf, tm.Header{CreationToolVersion: "test"})
	for _, u := range units {
		if err := w.Write(u); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "news.tmx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var want []tm.Unit
	r := tm.NewTMXReader(bytes.NewReader(buf.Bytes()), path)
	for r.Scan() {
		want = append(want, r.Unit())
	}
	if r.Err() != nil || len(want) != len(units) {
		t.Fatalf("read back %d units of %d: %v", len(want), len(units), r.Err())
	}
	tmtest.Validate(t, tmtest.DTD("../.."), path)
	tmtest.TranslateToolkit(t, path, want)
}

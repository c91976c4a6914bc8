package numbers

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestHKMAParagraphs measures the same rate as TestParallelCorpus on
// another kind of text: the HKMA annual report (Traditional Chinese,
// financial figures), paragraph by paragraph.
func TestHKMAParagraphs(t *testing.T) {
	data, err := os.ReadFile("../../../shared/eval/terms-dev/hkma-2016.jsonl")
	if err != nil {
		t.Skipf("evaluation data not available: %v", err)
	}
	paras, bad, withNumbers := 0, 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var ch struct{ ZH, EN string }
		if err := json.Unmarshal([]byte(line), &ch); err != nil {
			t.Fatal(err)
		}
		zh, en := strings.Split(ch.ZH, "\n\n"), strings.Split(ch.EN, "\n\n")
		if len(zh) != len(en) {
			t.Fatalf("%d Chinese paragraphs, %d English", len(zh), len(en))
		}
		for i := range zh {
			paras++
			zv := Chinese(zh[i])
			if len(zv) > 0 {
				withNumbers++
			}
			if miss := unmatched(zv, English(en[i])); len(miss) > 0 {
				bad++
				var ks []string
				for _, m := range miss {
					ks = append(ks, m.Text+"="+m.Key())
				}
				t.Logf("%s\n  zh: %.300s\n  en: %.300s", strings.Join(ks, ", "), zh[i], en[i])
			}
		}
	}
	t.Logf("%d paragraphs, %d with numbers, %d with an unmatched number: %.1f%% clean", paras, withNumbers, bad, 100*float64(paras-bad)/float64(paras))
}

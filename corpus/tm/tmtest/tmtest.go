// Package tmtest checks TMX files with the tools translators' pipelines use:
// xmllint against the TMX 1.4 DTD and translate-toolkit's TMX reader. Each
// check is skipped with a message when its tool is missing.
package tmtest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/corpus/tm"
)

// DTD returns the path of ../shared/spec/tmx14.dtd seen from dir (a
// package directory of the module), "" when it is absent.
func DTD(moduleRoot string) string {
	p, err := filepath.Abs(filepath.Join(moduleRoot, "..", "shared", "spec", "tmx14.dtd"))
	if err != nil {
		return ""
	}
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// Validate runs xmllint --noout --dtdvalid dtd path and fails the test
// unless it succeeds without printing anything (no warnings either).
func Validate(t testing.TB, dtd, path string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil || dtd == "" {
		t.Logf("skipping the DTD check: xmllint (apt-get install libxml2-utils) or ../shared/spec/tmx14.dtd missing")
		return
	}
	out, err := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, path).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("xmllint --noout --dtdvalid %s %s: %v\n%s", dtd, path, err, out)
	}
}

const readScript = `
import sys, json
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
units = [u for u in store.units if not u.isheader()]
json.dump([[u.source, u.target] for u in units], sys.stdout, ensure_ascii=False)
`

// TranslateToolkit reads the TMX file at path with translate-toolkit
// (/usr/bin/python3) and fails the test unless it sees the units of want,
// in order, with identical source (Chinese) and target (English) texts.
func TranslateToolkit(t testing.TB, path string, want []tm.Unit) {
	t.Helper()
	if exec.Command("/usr/bin/python3", "-c", "import translate.storage.tmx").Run() != nil {
		t.Logf("skipping the translate-toolkit check: /usr/bin/python3 cannot import translate.storage.tmx (apt-get install translate-toolkit)")
		return
	}
	out, err := exec.Command("/usr/bin/python3", "-c", readScript, path).Output()
	if err != nil {
		t.Fatalf("translate-toolkit on %s: %v", path, err)
	}
	var got [][2]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("translate-toolkit output: %v", err)
	}
	if len(got) != len(want) {
		t.Fatalf("translate-toolkit read %d units from %s, want %d", len(got), path, len(want))
	}
	bad := 0
	for i, u := range want {
		if got[i][0] != u.ZH || got[i][1] != u.EN {
			if bad++; bad <= 5 {
				t.Errorf("unit %d: translate-toolkit read %q / %q, want %q / %q", i, got[i][0], got[i][1], u.ZH, u.EN)
			}
		}
	}
	if bad > 5 {
		t.Errorf("… %d units differ in all", bad)
	}
}

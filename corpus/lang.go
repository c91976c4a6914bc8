package corpus

import (
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF ||
		r >= 0x20000 && r <= 0x3134F
}

// hanWeight is how many Latin letters one hanzi counts for when DetectLang
// weighs the scripts: a Chinese sentence quoting an English name ("bilibili
// 夏日毕业歌会") is Chinese, an English one glossing a name ("Xi Jinping
// (习近平)") is English.
const hanWeight = 3

// DetectLang returns Chinese or English by the script of text: hanzi count
// hanWeight times, Latin letters once. It returns "" when text has neither.
func DetectLang(text string) Lang {
	han, latin := scriptCounts(text)
	switch {
	case han == 0 && latin == 0:
		return ""
	case han*hanWeight >= latin:
		return Chinese
	default:
		return English
	}
}

// CheckLang returns an error wrapping ErrLanguage when doc, given as the
// lang edition of a pair, is written in the other language (the two sides
// swapped). A Chinese edition may quote much English (Apple 公司发布了
// iPhone 16 Pro Max), so it is taken for English only when its hanzi weigh
// less than a quarter of its Latin letters, or it has none; an English
// edition is taken for Chinese when its hanzi weigh as much as its
// letters (DetectLang).
func CheckLang(doc *Document, lang Lang) error {
	han, latin := 0, 0
	for _, s := range doc.Sentences {
		h, l := scriptCounts(s.Text)
		han, latin = han+h, latin+l
	}
	if han == 0 && latin == 0 {
		return nil
	}
	switch {
	case lang == Chinese && han*hanWeight*swappedFactor < latin:
		return fmt.Errorf("%s: %w: given as the Chinese text, but it is English", doc.Name, ErrLanguage)
	case lang == English && han*hanWeight >= latin:
		return fmt.Errorf("%s: %w: given as the English text, but it is Chinese", doc.Name, ErrLanguage)
	}
	return nil
}

// swappedFactor is how much less than its Latin letters the hanzi of a
// Chinese edition may weigh before it is taken for English.
const swappedFactor = 4

func scriptCounts(text string) (han, latin int) {
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				latin++
			}
		case isHan(r):
			han++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	return han, latin
}

// paragraphLang is DetectLang with English as the default for text without
// letters (numbers, punctuation), which bilingual files put with the English.
func paragraphLang(text string) Lang {
	if DetectLang(text) == Chinese {
		return Chinese
	}
	return English
}

// IsTraditional reports whether Chinese text is written in Traditional
// characters: it has more characters that only Big5 encodes than characters
// that only GB2312 encodes (台灣 against 台湾; shared characters such as 中國的
// 中 and 的 do not count).
func IsTraditional(text string) bool {
	t := scriptTables()
	trad, simp := 0, 0
	for _, r := range text {
		if r < 0x4E00 || r > 0x9FFF {
			continue
		}
		i := r - 0x4E00
		switch {
		case t.big5[i] && !t.gb2312[i]:
			trad++
		case t.gb2312[i] && !t.big5[i]:
			simp++
		}
	}
	return trad > simp
}

type hanTables struct {
	gb2312, big5 []bool // indexed from U+4E00
}

// scriptTables marks the hanzi that GB2312 and Big5 encode.
var scriptTables = sync.OnceValue(func() hanTables {
	return hanTables{
		// GBK's two-byte area 0xB0A1–0xF7FE is exactly GB2312's hanzi.
		gb2312: hanziTable(simplifiedchinese.GBK, 0xB0, 0xF7, [2]byte{0xA1, 0xFE}),
		big5:   hanziTable(traditionalchinese.Big5, 0xA4, 0xF9, [2]byte{0x40, 0x7E}, [2]byte{0xA1, 0xFE}),
	}
})

// hanziTable marks, indexed from U+4E00, the hanzi that e decodes from the
// two-byte codes with a lead byte in [leadLo, leadHi] and a trail byte in one
// of the trail ranges. The tables come from the encoders themselves, so no
// character list is embedded.
func hanziTable(e encoding.Encoding, leadLo, leadHi byte, trails ...[2]byte) []bool {
	t := make([]bool, 0x9FFF-0x4E00+1)
	dec := e.NewDecoder()
	var pair [2]byte
	for hi := int(leadLo); hi <= int(leadHi); hi++ {
		for _, tr := range trails {
			for lo := int(tr[0]); lo <= int(tr[1]); lo++ {
				pair[0], pair[1] = byte(hi), byte(lo)
				out, err := dec.Bytes(pair[:])
				if err != nil {
					continue
				}
				if r, _ := utf8.DecodeRune(out); r >= 0x4E00 && r <= 0x9FFF {
					t[r-0x4E00] = true
				}
			}
		}
	}
	return t
}

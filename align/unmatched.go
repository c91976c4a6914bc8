package align

// unmatchable counts share u of the weight of each English sentence's
// keys that no Chinese unit of the document can match (eextra) as content
// of the sentence, content that can never be covered: in a literal
// translation a sentence made of such words is probably the translator's
// addition. Words and names count, numbers and anchors do not. A
// capitalised run yields a name key for each of its prefixes (up to six
// for three words), and name keys match only the pinyin of Chinese names,
// so capitalised words weigh more than others, the words of a rendered
// name (China) included. That is crude, but the alternatives measured
// worse on news-dev's 14 added sentences: not counting name keys found 7
// (12 with them), not counting those of a run whose first word is matched
// found 8. The coverage scale (calibrate) is not read
// again: it is the scale of what the dictionary can match, and this
// content lowers coverage below it on purpose (reading it again found 7).
// It works on the finest level; coarse levels add up the parts of their
// sentences (downsample).
func (f *features) unmatchable(u float64) {
	if u <= 0 || f.eextra == nil {
		return
	}
	f.eadded = make([]float64, len(f.en))
	for t := range f.en {
		f.eadded[t] = u * f.eextra[t]
		f.en[t].total += f.eadded[t]
	}
}

package check

import "sort"

// acMatcher finds every occurrence of a set of byte patterns in one pass
// (Aho-Corasick). Patterns that are valid UTF-8 only match at rune
// boundaries of valid UTF-8 text, so a byte automaton serves Chinese text.
type acMatcher struct {
	next  map[uint64]int32 // goto function: node<<8 | byte → node
	fail  []int32
	pat   []int32 // pattern ending at the node, -1 if none
	dict  []int32 // nearest node on the fail chain with a pattern, -1 if none
	plen  []int   // byte length of each pattern
	nodes int32
}

// acHit is one occurrence: pattern id and its byte span in the text.
type acHit struct {
	pat        int32
	start, end int
}

func newACMatcher(patterns []string) *acMatcher {
	m := &acMatcher{next: map[uint64]int32{}, fail: []int32{0}, pat: []int32{-1}, dict: []int32{-1}, nodes: 1}
	m.plen = make([]int, len(patterns))
	for id, p := range patterns {
		m.plen[id] = len(p)
		if p == "" {
			continue
		}
		n := int32(0)
		for i := 0; i < len(p); i++ {
			k := uint64(n)<<8 | uint64(p[i])
			c, ok := m.next[k]
			if !ok {
				c = m.nodes
				m.nodes++
				m.next[k] = c
				m.fail = append(m.fail, 0)
				m.pat = append(m.pat, -1)
				m.dict = append(m.dict, -1)
			}
			n = c
		}
		if m.pat[n] < 0 { // the first of duplicate patterns wins
			m.pat[n] = int32(id)
		}
	}
	// Breadth-first over the trie to set fail and dict links. Children are
	// listed from the goto map, sorted for determinism.
	children := make([][]uint64, m.nodes)
	keys := make([]uint64, 0, len(m.next))
	for k := range m.next {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		children[k>>8] = append(children[k>>8], k)
	}
	queue := []int32{0}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, k := range children[n] {
			c := m.next[k]
			b := k & 0xff
			if n != 0 {
				f := m.fail[n]
				for {
					if t, ok := m.next[uint64(f)<<8|b]; ok {
						m.fail[c] = t
						break
					}
					if f == 0 {
						break
					}
					f = m.fail[f]
				}
			}
			if f := m.fail[c]; m.pat[f] >= 0 {
				m.dict[c] = f
			} else {
				m.dict[c] = m.dict[f]
			}
			queue = append(queue, c)
		}
	}
	return m
}

// find appends every occurrence of every pattern in s to hits.
func (m *acMatcher) find(s string, hits []acHit) []acHit {
	n := int32(0)
	for i := 0; i < len(s); i++ {
		b := uint64(s[i])
		for {
			if t, ok := m.next[uint64(n)<<8|b]; ok {
				n = t
				break
			}
			if n == 0 {
				break
			}
			n = m.fail[n]
		}
		for o := n; o > 0; o = m.dict[o] {
			if p := m.pat[o]; p >= 0 {
				hits = append(hits, acHit{pat: p, start: i + 1 - m.plen[p], end: i + 1})
			}
		}
	}
	return hits
}

package contracts

import "sync"

// Every literal the patterns' prefilters and the rules' triggers need gets
// an ID; one pass of a trie over a sentence finds all those it contains, as
// a bitset, and each pattern then checks its IDs instead of searching the
// sentence once per literal.
var literalIDs = map[string]int{}

func literalID(s string) int {
	if id, ok := literalIDs[s]; ok {
		return id
	}
	id := len(literalIDs)
	literalIDs[s] = id
	return id
}

// litSet is the set of literal IDs a text contains.
type litSet []uint64

func (s litSet) has(id int) bool { return id>>6 < len(s) && s[id>>6]&(1<<(id&63)) != 0 }

// orIn adds o's literals to s, in place; both have the automaton's size.
func (s litSet) orIn(o litSet) {
	for i, w := range o {
		s[i] |= w
	}
}

func (s litSet) any(ids []int) bool {
	for _, id := range ids {
		if s.has(id) {
			return true
		}
	}
	return false
}

// trie is an Aho-Corasick automaton over the bytes contracts are folded
// into, with every transition filled in: one table lookup per byte of text.
// A byte outside the classes ends every literal.
type trie struct {
	next   []uint16 // state*alpha + class → state: 16 bits keep the table in cache
	out    [][]int  // state → literals ending there, suffixes included (while building)
	always []int    // literals with a byte outside the classes: reported present, so their patterns run
	words  int
	// outAt[state]..outAt[state+1] indexes outIDs: the same lists, flat,
	// for the scan's inner loop.
	outAt  []uint32
	outIDs []uint16
}

const alpha = 48

// class maps a folded byte to a column: letters and digits their own,
// space, and punctuation sharing a few. Sharing only makes the scan report
// a literal a little more often (one with "(" when the text has "[" at that
// place): the prefilter stays safe, and the table small enough for the cache.
var class = func() [256]uint8 {
	var c [256]uint8
	n := uint8(1)
	for _, b := range []byte("abcdefghijklmnopqrstuvwxyz0123456789 '-./:") {
		c[b] = n
		n++
	}
	for _, b := range []byte("()[]_@&%+,;!?\"#$*=<>\\") {
		c[b] = n // 43: other punctuation
	}
	return c
}()

// literals is built on first use, once every pattern has registered its
// literals (package initialisation); it is read-only afterwards.
var literals = sync.OnceValue(func() *trie {
	t := &trie{next: make([]uint16, alpha), out: [][]int{nil}, words: len(literalIDs)}
	// The goto function: a trie of the literals.
	for lit, id := range literalIDs {
		n, ok := uint16(0), lit != ""
		for i := 0; i < len(lit); i++ {
			c := class[lit[i]]
			if c == 0 {
				ok = false
				break
			}
			if t.next[int(n)*alpha+int(c)] == 0 {
				if len(t.out) == 1<<16-1 {
					panic("contracts: too many literal states for a 16-bit automaton")
				}
				t.next = append(t.next, make([]uint16, alpha)...)
				t.out = append(t.out, nil)
				t.next[int(n)*alpha+int(c)] = uint16(len(t.out) - 1)
			}
			n = t.next[int(n)*alpha+int(c)]
		}
		if ok {
			t.out[n] = append(t.out[n], id)
		} else if lit != "" {
			t.always = append(t.always, id)
		}
	}
	defer t.flatten()
	// Failure links, breadth first, folded into the transitions.
	fail := make([]uint16, len(t.out))
	queue := []uint16{}
	for c := 1; c < alpha; c++ {
		if s := t.next[c]; s != 0 {
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		t.out[r] = append(t.out[r], t.out[fail[r]]...)
		for c := 1; c < alpha; c++ {
			s := t.next[int(r)*alpha+c]
			if s != 0 {
				fail[s] = t.next[int(fail[r])*alpha+c]
				queue = append(queue, s)
			} else {
				t.next[int(r)*alpha+c] = t.next[int(fail[r])*alpha+c]
			}
		}
	}
	return t
})

func (t *trie) flatten() {
	if len(literalIDs) > 1<<16 {
		panic("contracts: too many literals for 16-bit IDs")
	}
	t.outAt = make([]uint32, len(t.out)+1)
	for st, ids := range t.out {
		t.outAt[st] = uint32(len(t.outIDs))
		for _, id := range ids {
			t.outIDs = append(t.outIDs, uint16(id))
		}
	}
	t.outAt[len(t.out)] = uint32(len(t.outIDs))
}

// scan returns the literals text contains.
func (t *trie) scan(text string) litSet {
	set := make(litSet, (t.words+63)/64)
	t.scanInto(text, set)
	return set
}

// scanInto adds the literals text contains to set.
func (t *trie) scanInto(text string, set litSet) {
	for _, id := range t.always {
		set[id>>6] |= 1 << (id & 63)
	}
	state := uint16(0)
	for i := 0; i < len(text); i++ {
		c := class[text[i]]
		if c == 0 {
			state = 0
			continue
		}
		state = t.next[int(state)*alpha+int(c)]
		for _, id := range t.outIDs[t.outAt[state]:t.outAt[state+1]] {
			set[id>>6] |= 1 << (id & 63)
		}
	}
}

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

// or is the union of two sets, as a new set.
func (s litSet) or(o litSet) litSet {
	out := make(litSet, max(len(s), len(o)))
	copy(out, s)
	for i, w := range o {
		out[i] |= w
	}
	return out
}

func (s litSet) any(ids []int) bool {
	for _, id := range ids {
		if s.has(id) {
			return true
		}
	}
	return false
}

// trie is a dense automaton over the bytes contracts are folded into;
// any other byte ends a walk.
type trie struct {
	next   []int32 // node*alpha + class → child node, 0 for none
	out    [][]int // node → literals ending there
	always []int   // literals with a byte outside the classes: reported present, so their patterns run
	words  int
}

const alpha = 64

// class maps a folded byte to a column: letters, digits, and the few
// punctuation marks the literals use; 0 for any other byte.
var class = func() [256]uint8 {
	var c [256]uint8
	n := uint8(1)
	for _, b := range []byte("abcdefghijklmnopqrstuvwxyz0123456789 '-./:()[]_@&%+,;!?\"#$*=<>\\") {
		c[b] = n
		n++
	}
	return c
}()

// literals is built on first use, once every pattern has registered its
// literals (package initialisation); it is read-only afterwards.
var literals = sync.OnceValue(func() *trie {
	t := &trie{next: make([]int32, alpha), out: [][]int{nil}, words: len(literalIDs)}
	for lit, id := range literalIDs {
		n, ok := int32(0), lit != ""
		for i := 0; i < len(lit) && ok; i++ {
			c := class[lit[i]]
			if c == 0 {
				ok = false
				break
			}
			if t.next[int(n)*alpha+int(c)] == 0 {
				t.next = append(t.next, make([]int32, alpha)...)
				t.out = append(t.out, nil)
				t.next[int(n)*alpha+int(c)] = int32(len(t.out) - 1)
			}
			n = t.next[int(n)*alpha+int(c)]
		}
		if ok {
			t.out[n] = append(t.out[n], id)
		} else if lit != "" {
			t.always = append(t.always, id)
		}
	}
	return t
})

// scan returns the literals text contains.
func (t *trie) scan(text string) litSet {
	set := make(litSet, (t.words+63)/64)
	for _, id := range t.always {
		set[id>>6] |= 1 << (id & 63)
	}
	for i := 0; i < len(text); i++ {
		n := int32(0)
		for j := i; j < len(text); j++ {
			c := class[text[j]]
			if c == 0 {
				break
			}
			if n = t.next[int(n)*alpha+int(c)]; n == 0 {
				break
			}
			for _, id := range t.out[n] {
				set[id>>6] |= 1 << (id & 63)
			}
		}
	}
	return set
}

package hashaudit

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

// maxSampled bounds the lines chooseColumn reads values from.
const maxSampled = 200

// separator is the CSV separator of the first line of head, or 0: the
// first of ";", "," and tab it holds, not the most frequent
// (textenc.Delimiter): a line without header pairing a value and an
// Argon2 hash with ";" holds more of the hash's commas.
func separator(head []byte) byte {
	first, _, _ := bytes.Cut(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), []byte("\n"))
	for _, s := range []byte{';', ',', '\t'} {
		if bytes.IndexByte(first, s) >= 0 {
			return s
		}
	}
	return 0
}

// chooseColumn is the column to audit when none is named, from the start of
// the file (head; whole tells it is the whole file): the first whose header
// names a password column; in a file without a header, the only column whose
// values look like hashes. "" means one value per line. Several columns and
// none of them found is an error: a whole line of several values is never
// graded as one.
func chooseColumn(head []byte, whole bool, name string) (string, error) {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	sep := separator(head)
	end := bytes.LastIndexByte(head, '\n')
	if sep == 0 || end < 0 && !whole {
		return "", nil // one value per line, or a first line past 64 KB, which lines reports
	}
	if !whole {
		head = head[:end+1] // complete lines only
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	if grades(string(bytes.TrimSuffix(first, []byte("\r")))) {
		return "", nil // an Argon2 or scrypt hash, whose parameters hold commas
	}
	cr := csv.NewReader(bytes.NewReader(head))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = rune(sep), -1, true
	var recs [][]string
	for len(recs) < maxSampled {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		recs = append(recs, rec)
	}
	if len(recs) == 0 || len(recs[0]) < 2 {
		return "", nil
	}
	header := recs[0]
	if i := bestColumn(header, recs[1:]); i >= 0 && besideAColumn(header, i) {
		return strconv.Itoa(i + 1), nil
	}
	if _, isHeader := textenc.Labels(header); isHeader {
		cols := shownColumns(header)
		if !besideAColumn(header, -1) { // "jean,password": no cell is shown, not even a password word
			cols = shownColumns(make([]string, len(header)))
		}
		return "", check.Prefixed{Prefix: name + ":1: ", Err: check.Errorf(
			"no column named like a password hash (columns: %s); name it with --column",
			"aucune colonne nommée comme un hachage de mot de passe (colonnes : %s) ; nommez-la avec --column", cols)}
	}
	if j := hashLike(recs); j >= 0 {
		return strconv.Itoa(j + 1), nil
	}
	if j := slices.IndexFunc(header, wordsNameHash); j >= 0 && slices.IndexFunc(header[j+1:], wordsNameHash) < 0 && besideAColumn(header, j) {
		return strconv.Itoa(j + 1), nil
	}
	return "", check.Prefixed{Prefix: name + ":1: ", Err: check.Errorf(
		"the first line does not look like a header: %s, none named like a password hash and none whose values look like hashes; add a header line, or give the column by its number (--column 2)",
		"la première ligne ne ressemble pas à un en-tête : %s, aucune nommée comme un hachage de mot de passe et aucune dont les valeurs ressemblent à des hachages ; ajoutez une ligne d'en-tête, ou donnez le numéro de la colonne (--column 2)",
		textenc.Columns(len(header)))}
}

// grades reports whether v is a hash the family grades (slow or fast), as
// opposed to plain text or an unknown format.
func grades(v string) bool {
	switch password.GradeHash(password.Recognise(v)) {
	case password.GradeOK, password.GradeBelow, password.GradeFast:
		return true
	}
	return false
}

// hashLike is the one column whose values are hashes on most lines, or -1
// when no column or more than one is (a hash beside a hex salt: the person
// must say which).
func hashLike(recs [][]string) int {
	counts := map[int]int{}
	for _, rec := range recs {
		for j, v := range rec {
			if grades(v) {
				counts[j]++
			}
		}
	}
	best := -1
	for j, n := range counts {
		if 2*n <= len(recs) {
			continue
		}
		if best >= 0 {
			return -1
		}
		best = j
	}
	return best
}

// bestColumn is the header's password column, or -1: among the cells that
// name one (hashColumn), an exact label (hash, password_hash, mdp) before a
// longer one (hash_mdp, PasswordHashV2), and among equals the one whose
// sampled values grade as hashes on most lines, then the first. So
// "password_changed_at,password_hash" and "hash_algorithm,hash" audit the
// hash, not a date or an algorithm's name graded as plain text.
func bestColumn(header []string, sample [][]string) int {
	best, bestExact, bestGraded := -1, false, 0
	for i := range header {
		if !hashColumn(header, i) {
			continue
		}
		exact := slices.Contains(exactHashLabels, strings.Join(headerWords(textenc.Clean(header[i])), "_"))
		graded := 0
		for _, rec := range sample {
			if i < len(rec) && grades(rec[i]) {
				graded++
			}
		}
		if best < 0 || exact && !bestExact || exact == bestExact && graded > bestGraded {
			best, bestExact, bestGraded = i, exact, graded
		}
	}
	return best
}

// besideAColumn: another cell of the line than i (any, for i < 0) names
// a usual column (id, login, email…), so the line is a header. Alone, "password" or "hash"
// may be the first person's password on a line without header
// ("jean,password"): taken for a header, it would name the target in every
// finding, and go ungraded.
func besideAColumn(header []string, i int) bool {
	for j, h := range header {
		if j != i && namesOne(h) && !namesHash(h) {
			return true
		}
	}
	return false
}

// exactHashLabels are whole column names (words joined by "_": PasswordHash
// is password_hash) that name a stored password and nothing else, in the
// usual frameworks (Rails' encrypted_password and password_digest, Django's
// password) and in French.
var exactHashLabels = []string{"hash", "password", "passwd", "pwd", "pass", "mdp", "password_hash", "passwordhash", "pwd_hash", "pw_hash",
	"pass_hash", "passwd_hash", "hashed_password", "encrypted_password", "crypted_password", "password_digest", "user_password",
	"userpassword", "mot_de_passe", "motdepasse", "mdp_hash", "hash_mdp", "hash_mot_de_passe", "mot_de_passe_hash", "empreinte"}

// wordsNameHash reports whether a cell that does not read as a label
// (textenc.IsLabel refuses camel case: PasswordHash, ASP.NET Identity's
// column) is an exact password label by its words. Such a first line is a
// header to skip, not a value to grade; it is still never printed.
func wordsNameHash(cell string) bool {
	c := textenc.Clean(cell)
	return !strings.ContainsFunc(c, func(r rune) bool { return !unicode.IsLetter(r) && r != '_' && r != ' ' && r != '-' }) &&
		slices.Contains(exactHashLabels, strings.Join(headerWords(c), "_"))
}

// metaWords name what a column says about a password rather than the
// password itself (password_changed_at, hash_algorithm, mdp_modifie_le), in
// English and French: a cell holding one is never the column audited.
var metaWords = []string{"at", "on", "date", "time", "timestamp", "changed", "change", "updated", "update", "created", "modified", "last",
	"expires", "expire", "expired", "expiry", "expiration", "algo", "algorithm", "alg", "type", "scheme", "format", "version", "salt",
	"iterations", "iteration", "rounds", "cost", "length", "len", "policy", "reset", "token", "hint", "count", "attempts", "failures",
	"failed", "required", "strength", "history", "sel", "modifie", "modifié", "modification", "maj", "cree", "créé", "creation", "création",
	"algorithme", "longueur", "politique", "reinit", "réinit", "reinitialisation", "réinitialisation", "jeton", "indice", "essais",
	"tentatives", "nombre", "nb", "echecs", "échecs", "historique", "force"}

// hashColumn reports whether header[i] names a password column: a label
// that says so by itself (password_hash, mot_de_passe, mdp), or a short
// word (pwd, pass) beside another usual column's name, since alone such a
// word may be someone's password on a line without header. A label that
// holds a meta word (password_changed_at) names something else.
func hashColumn(header []string, i int) bool {
	if slices.ContainsFunc(headerWords(textenc.Clean(header[i])), func(w string) bool { return slices.Contains(metaWords, w) }) {
		return false
	}
	if namesHash(header[i]) {
		return true
	}
	if !textenc.IsLabel(header[i]) || !slices.ContainsFunc(headerWords(textenc.Clean(header[i])), func(w string) bool { return slices.Contains(shortHashWords, w) }) {
		return false
	}
	for j, h := range header {
		if j != i && namesOne(h) {
			return true
		}
	}
	return false
}

// shortHashWords name a password column, in English and French, only
// beside another column's name.
var shortHashWords = []string{"pwd", "pass", "pw", "passe", "digest", "empreinte"}

// namesHash: a label naming a password column by itself. The label test
// comes first: a hash's random letters may spell "mdp".
func namesHash(h string) bool {
	if !textenc.IsLabel(h) {
		return false
	}
	h = strings.ToLower(textenc.Clean(h))
	for _, k := range []string{"hash", "password", "passwd", "mot_de_passe", "motdepasse"} {
		if strings.Contains(h, k) {
			return true
		}
	}
	// "mdp" is a whole word (mdp, mdp_hash): inside one ("mdpsoleil") it
	// may be a password, which would become the label of every finding.
	return slices.Contains(strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) }), "mdp")
}

// usualColumns are words a header of stored passwords names its columns
// with. A first line of short words ("jdoe,soleil") reads as labels too:
// its cells are printed only when one of them is such a word.
var usualColumns = []string{"id", "uid", "user", "users", "username", "login", "mail", "email", "courriel", "name", "nom", "prenom", "prénom",
	"identifiant", "utilisateur", "account", "compte", "salt", "sel", "created", "updated", "date", "role", "rôle", "status", "statut",
	"pwd", "address", "adresse", "at", "first", "last", "full"}

// namesAColumn reports whether a cell of a header is a hash column's name
// or is made of the usual columns' words (or their plurals): "user_name",
// "EmailAddress" and "logins" are; "Compteur", "Emailing" and "super_user",
// which may be a person's password, are not.
func namesAColumn(header []string) bool {
	return slices.ContainsFunc(header, namesOne)
}

func namesOne(h string) bool {
	if namesHash(h) {
		return true
	}
	words := headerWords(textenc.Clean(h))
	usual := func(w string) bool {
		return slices.ContainsFunc(usualColumns, func(u string) bool { return w == u || w == u+"s" })
	}
	// Every word a column's: "user_name" is one; "super_user", which may be
	// someone's password, is not.
	return len(words) > 0 && !slices.ContainsFunc(words, func(w string) bool { return !usual(w) })
}

// shownColumns lists a header's cells for an error: a cell that names a
// column by itself as written, any other by its position ("jdoe,super_user"
// shows "column 1, super_user": the login is never printed).
func shownColumns(header []string) check.Text {
	en, fr := make([]string, len(header)), make([]string, len(header))
	for i, h := range header {
		if namesOne(h) {
			en[i], fr[i] = textenc.Clean(h), textenc.Clean(h)
		} else {
			en[i], fr[i] = fmt.Sprintf("column %d", i+1), fmt.Sprintf("colonne %d", i+1)
		}
	}
	return check.Text{EN: strings.Join(en, ", "), FR: strings.Join(fr, ", ")}
}

// headerWords splits a column name into lower-case words at anything not a
// letter and where camel case starts a word ("EmailAddress": email, address).
func headerWords(h string) []string {
	var words []string
	var w []rune
	prevLower := false
	for _, r := range h {
		if !unicode.IsLetter(r) || unicode.IsUpper(r) && prevLower {
			if len(w) > 0 {
				words = append(words, string(w))
			}
			w = w[:0]
		}
		if unicode.IsLetter(r) {
			w = append(w, unicode.ToLower(r))
		}
		prevLower = unicode.IsLower(r)
	}
	if len(w) > 0 {
		words = append(words, string(w))
	}
	return words
}

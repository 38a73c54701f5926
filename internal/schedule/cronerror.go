package schedule

import (
	"regexp"

	"github.com/vigie-security/vigie/internal/check"
)

// cronFR puts robfig/cron's parse errors in French: a French admin reads
// why a crontab line is refused, not only that it is.
var cronFR = []struct {
	en *regexp.Regexp
	fr string
}{
	{regexp.MustCompile(`^empty spec string$`), "expression vide"},
	{regexp.MustCompile(`^provided bad location (\S*): .*$`), "fuseau horaire $1 inconnu"},
	{regexp.MustCompile(`^expected exactly (\d+) fields, found (\d+): (.*)$`), "$1 champs attendus, $2 trouvés : $3"},
	{regexp.MustCompile(`^expected (\d+) to (\d+) fields, found (\d+): (.*)$`), "de $1 à $2 champs attendus, $3 trouvés : $4"},
	{regexp.MustCompile(`^too many hyphens: (.*)$`), "trop de tirets : $1"},
	{regexp.MustCompile(`^too many slashes: (.*)$`), "trop de barres obliques : $1"},
	{regexp.MustCompile(`^beginning of range \((\d+)\) below minimum \((\d+)\): (.*)$`), "début de plage ($1) sous le minimum ($2) : $3"},
	{regexp.MustCompile(`^end of range \((\d+)\) above maximum \((\d+)\): (.*)$`), "fin de plage ($1) au-dessus du maximum ($2) : $3"},
	{regexp.MustCompile(`^beginning of range \((\d+)\) beyond end of range \((\d+)\): (.*)$`), "début de plage ($1) après sa fin ($2) : $3"},
	{regexp.MustCompile(`^step of range should be a positive number: (.*)$`), "le pas d'une plage doit être un nombre positif : $1"},
	{regexp.MustCompile(`^failed to parse int from (.*): strconv\.\w+: .*$`), "nombre illisible : $1"},
	{regexp.MustCompile(`^negative number \((-?\d+)\) not allowed: (.*)$`), "nombre négatif ($1) refusé : $2"},
	{regexp.MustCompile(`^failed to parse duration (.*): time: .*$`), "durée illisible : $1"},
	{regexp.MustCompile(`^unrecognized descriptor: (.*)$`), "descripteur inconnu : $1"},
}

// cronError is a robfig/cron parse error in both languages; one it does not
// know stays in its English in both.
func cronError(err error) error {
	en := err.Error()
	for _, c := range cronFR {
		if m := c.en.FindStringSubmatchIndex(en); m != nil {
			fr := string(c.en.ExpandString(nil, c.fr, en, m))
			return check.Errorf("%[1]v", "%[2]s", err, fr)
		}
	}
	return err
}

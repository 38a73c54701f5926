package schedule

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// slackEscape escapes what Slack's mrkdwn reads as markup; a target such as
// "<!channel>" must not ping a whole channel.
var slackEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// slack is an incoming-webhook message: text for notifications and
// clients without blocks, blocks for the message itself.
func slack(l check.Lang, p Payload) map[string]any {
	type obj = map[string]any
	md := func(s string) obj { return obj{"type": "mrkdwn", "text": s} }
	blocks := []obj{{"type": "section", "text": md("*" + slackEscape.Replace(p.Summary) + "*")}}
	if f := facts(l, p); len(f) > 0 {
		var fields []obj
		for _, kv := range f {
			fields = append(fields, md("*"+kv[0]+"*\n"+slackEscape.Replace(kv[1])))
		}
		blocks = append(blocks, obj{"type": "section", "fields": fields})
	}
	// One block a line: a block holds 3000 characters at most.
	for _, s := range shown(l, p) {
		blocks = append(blocks, obj{"type": "section", "text": md("• " + slackEscape.Replace(s))})
	}
	return obj{"text": p.Summary, "blocks": blocks}
}

// shown lists the new failures a chat message shows, and how many it leaves out.
func shown(l check.Lang, p Payload) []string {
	var out []string
	for i, f := range p.NewFailures {
		if i == maxShown {
			break
		}
		out = append(out, line(l, f))
	}
	if left := len(p.NewFailures) + p.MoreFailures - len(out); left > 0 {
		out = append(out, more(l, left))
	}
	return out
}

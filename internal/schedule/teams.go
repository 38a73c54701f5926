package schedule

import "github.com/vigie-security/vigie/internal/check"

// teams is a message with one Adaptive Card (version 1.4, what Teams
// workflows' "post to a channel when a webhook request is received" and
// the older incoming webhooks both render).
func teams(l check.Lang, p Payload) map[string]any {
	type obj = map[string]any
	text := func(s string) obj { return obj{"type": "TextBlock", "text": s, "wrap": true} }
	head := text(p.Summary)
	head["weight"], head["size"] = "Bolder", "Medium"
	body := []obj{head}
	if f := facts(l, p); len(f) > 0 {
		var fs []obj
		for _, kv := range f {
			fs = append(fs, obj{"title": kv[0], "value": kv[1]})
		}
		body = append(body, obj{"type": "FactSet", "facts": fs})
	}
	for _, s := range shown(l, p) {
		body = append(body, text(s))
	}
	card := obj{"$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard", "version": "1.4",
		"msteams": obj{"width": "Full"}, "body": body}
	return obj{"type": "message", "attachments": []obj{{"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": nil, "content": card}}}
}

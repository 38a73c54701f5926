package password

import "github.com/vigie-security/vigie/internal/check"

// noted makes a check's findings quote the policy's notes on its topics
// (all of them when none is given), so an assumed default or a chosen PAM
// stack is never silent.
func noted(fn func(Evidence) check.Outcome, topics ...Topic) func(Evidence) check.Outcome {
	return func(e Evidence) check.Outcome {
		o := fn(e)
		for _, n := range e.Policy.Notes {
			if quotes(topics, n.About) {
				o.Message = check.Text{EN: o.Message.EN + " (" + n.Text.EN + ")", FR: o.Message.FR + " (" + n.Text.FR + ")"}
			}
		}
		return o
	}
}

func quotes(topics []Topic, about Topic) bool {
	if len(topics) == 0 || about == AboutAll {
		return true
	}
	for _, t := range topics {
		if t == about {
			return true
		}
	}
	return false
}

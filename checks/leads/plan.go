package leads

import "github.com/vigie-security/vigie/internal/check"

// Action is what to do with a record a retention or opt-out check lists.
type Action string

// The actions of vigie leads plan.
const (
	ActDeleteOrArchive Action = "delete_or_archive"
	ActDateOrDelete    Action = "date_or_delete"
	ActFixDate         Action = "fix_date"
	ActStopProspecting Action = "stop_prospecting"
	ActEraseContact    Action = "erase_contact_data"
	ActEraseCard       Action = "erase_card_number"
	ActSuppress        Action = "suppress"
)

// Text says the action in both languages, for the plan's readers.
func (a Action) Text() check.Text {
	switch a {
	case ActDeleteOrArchive:
		return t("delete, or move to an archive base with restricted access, unless a last request for consent gets a yes",
			"supprimer, ou déplacer vers une base d'archive à accès restreint, sauf si une dernière demande de consentement reçoit un oui")
	case ActDateOrDelete:
		return t("record when and how the person was collected, or delete the record",
			"enregistrer quand et comment la personne a été collectée, ou supprimer la fiche")
	case ActFixDate:
		return t("correct the future date at its source (import format, day/month order)",
			"corriger la date future à sa source (format d'import, ordre jour/mois)")
	case ActStopProspecting:
		return t("mark not contactable: the customer exception has expired", "marquer non contactable : l'exception client a expiré")
	case ActEraseContact:
		return t("erase the e-mail and phone of this deleted or inactive record, or move it to the archive base",
			"effacer l'e-mail et le téléphone de cette fiche supprimée ou inactive, ou la déplacer vers la base d'archive")
	case ActEraseCard:
		return t("erase the card number (the dispute window is over)", "effacer le numéro de carte (le délai de contestation est passé)")
	case ActSuppress:
		return t("stop all sending, set not contactable, and keep the address in the suppression list only",
			"cesser tout envoi, marquer non contactable, et ne garder l'adresse que dans la liste repoussoir")
	}
	return t(string(a), string(a))
}

package main

import (
	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/config"
)

func newContractsCmd(e env) *cobra.Command {
	root := &cobra.Command{Use: "contracts", Short: "Processor contracts against GDPR Article 28, and processor inventories"}
	var th thresholdFlags
	var inv, folder, sheet string
	checkCmd := &cobra.Command{
		Use:   "check [FILE|DIR...]",
		Short: "Check contract documents (.txt .md .html .docx .odt .pdf) element by element; with --inventory, the processor inventory too",
		Long: `Check contract documents against the 20 elements of GDPR Article 28 (A28-3-subject-matter … A28-44-transfers),
each graded specific, present, restated or missing, with the sentence and where it is.
With --inventory (CSV, XLSX or YAML) the processors are checked too: contract named and on disk, signed and dated,
current, transfers outside the EEA covered, special-category data named in the contract. --folder is where the
inventory's contract files are; every document in it is checked, and one the inventory does not name is reported.`,
		RunE: func(cmd *cobra.Command, files []string) error {
			if len(files) == 0 && inv == "" && folder == "" {
				return usageText("name contract files or directories, or --inventory/--folder", "nommez des contrats ou des dossiers, ou --inventory/--folder")
			}
			return runFiles(cmd, e, th, func(cfg *config.Config) {
				cfg.Contracts = config.Contracts{Inventory: inv, Folder: folder, Sheet: sheet, Documents: files}
			})
		},
	}
	th.add(checkCmd)
	checkCmd.Flags().StringVar(&inv, "inventory", "", "processor inventory (CSV with , or ;, XLSX, or YAML)")
	checkCmd.Flags().StringVar(&folder, "folder", "", "folder of the contracts the inventory names (default: the inventory's folder)")
	checkCmd.Flags().StringVar(&sheet, "sheet", "", "XLSX sheet of the inventory (default: the first)")
	root.AddCommand(checkCmd)
	return root
}

//! Unit tests of the German business-form pass (ERP and EN 16931 prints): one per failure class.

use super::precision_tests::{read, some, totals, v};

const ITEMS: [&str; 3] = [
    "Pos. Bezeichnung                      Menge          Preis     MwSt.        Betrag",
    "1    Trennblätter A4                  10,0000 Stück  12,5000   19,00 %      125,00",
    "2    Joghurt Banane                    5,0000 Stück  20,0000    7,00 %      100,00",
];

#[test]
fn a_discount_with_its_percentage_is_no_vat_row() {
    // "Rabatt 3 % auf 100,00   3,00" reads like a VAT row at a 3 % rate: added to the
    // breakdown it made TVA 33,75 and TTC 358,75.
    let mut lines = vec!["Rechnung                               Rechnungsnummer: 471102"];
    lines.extend(ITEMS);
    lines.extend([
        "                              Rabatt 3 % auf 100,00                      3,00",
        "                              Summe netto                              225,00",
        "                              MwSt. 19 % auf 125,00                     23,75",
        "                              MwSt. 7 % auf 100,00                       7,00",
        "                              Gesamtbetrag                             255,75",
        "Zahlbar bis 04.04.2013 netto, 2 % Skonto (5,12 EUR) bis 15.03.2013",
    ]);
    let f = read(&lines);
    assert_eq!(totals(&f), some("225.00", "30.75", "255.75"));
    let rates: Vec<String> = v(&f.vat_breakdown).unwrap_or_default().into_iter().map(|l| l.rate).collect();
    assert_eq!(rates, ["19", "7"]);
}

#[test]
fn tax_basis_and_gross_sum_labels_name_the_totals() {
    let mut lines = vec!["Rechnung                               Rechnungsnummer: 471102"];
    lines.extend(ITEMS);
    lines.extend([
        "                              Summe Positionen                         230,00",
        "                              Summe Abschläge                            5,00",
        "                              Summe Zuschläge                            0,00",
        "                              Steuerbasisbetrag                        225,00",
        "                              Steuerbetrag                              30,75",
        "                              Bruttosumme                              255,75",
    ]);
    assert_eq!(totals(&read(&lines)), some("225.00", "30.75", "255.75"));
}

#[test]
fn the_gross_total_not_the_amount_left_after_a_prepayment_is_the_ttc() {
    let mut lines = vec!["Rechnung                               Rechnungsnummer: 471102"];
    lines.extend(ITEMS);
    lines.extend([
        "                              Gesamtsumme netto                        225,00",
        "                              zzgl. 19 % USt. auf 125,00                23,75",
        "                              zzgl. 7 % USt. auf 100,00                  7,00",
        "                              Bruttobetrag                             255,75",
        "                              Bereits gezahlt                          -50,00",
        "                              Zahlbetrag                               205,75",
    ]);
    assert_eq!(totals(&read(&lines)), some("225.00", "30.75", "255.75"));
}

#[test]
fn insurance_tax_and_premium_labels_are_read() {
    let f = read(&[
        "Beitragsrechnung                       Rechnung Nr.: BR-2024-77",
        "Nettobeitrag                                      225,00 EUR",
        "Versicherungssteuer 19 %                           42,75 EUR",
        "Bruttobeitrag                                     267,75 EUR",
    ]);
    assert_eq!(totals(&f), some("225.00", "42.75", "267.75"));
}

#[test]
fn dated_positions_under_a_date_column_leave_the_labelled_date_alone() {
    let f = read(&[
        "Hausverwaltung Zimmermann GmbH",
        "Eigentümergemeinschaft Lindenhof                 Rechnung Nr.        INV-2024-9858",
        "Lindenstraße 40                                  Datum                  19.11.2024",
        "Rechnung",
        "Datum              Leistung                  Stunden          Betrag",
        "16.11.2024         Hausmeisterdienst               8        1.890,24",
        "13.11.2024         Gartenpflege                    8          156,24",
        "                                     Nettobetrag         2.046,48 EUR",
        "                                     zzgl. 19 % MwSt.      388,83 EUR",
        "                                     Rechnungsbetrag     2.435,31 EUR",
    ]);
    assert_eq!(v(&f.date), Some("2024-11-19".to_owned()));
    assert_eq!(v(&f.invoice_number), Some("INV-2024-9858".to_owned()));
}

#[test]
fn a_date_table_without_amounts_still_names_its_columns() {
    // The line-item rule needs an amount in the row: a header row of dates keeps its labels.
    let f = read(&[
        "Rechnung Nr. 4711",
        "Datum          Lieferdatum       Kundennummer",
        "19.11.2024     12.11.2024        50321",
    ]);
    assert_eq!(v(&f.date), Some("2024-11-19".to_owned()));
}

#[test]
fn a_number_after_dot_leaders_is_read() {
    let f = read(&["Rechnung", "Rechnungsnummer ......... 471102", "Rechnungsdatum .......... 05.03.2013"]);
    assert_eq!(v(&f.invoice_number), Some("471102".to_owned()));
    assert_eq!(v(&f.date), Some("2013-03-05".to_owned()));
}

#[test]
fn abbreviated_number_and_date_labels_are_read() {
    let f = read(&[
        "Rechnung                        Re.-Nr.: 471102",
        "                                Re.-Datum: 05.03.2013",
        "                                Lieferdatum: 04.03.2013",
    ]);
    assert_eq!(v(&f.invoice_number), Some("471102".to_owned()));
    assert_eq!(v(&f.date), Some("2013-03-05".to_owned()));
}

#[test]
fn direct_debit_and_mandate_dates_do_not_compete_with_a_bare_date_label() {
    let f = read(&[
        "Rechnung Nr. 471102                   Datum: 05.03.2013",
        "Der Betrag wird am 15.03.2013 per SEPA-Lastschrift eingezogen.",
        "Mandatsreferenz MR-4711, Datum der Mandatserteilung: 01.01.2013",
    ]);
    assert_eq!(v(&f.date), Some("2013-03-05".to_owned()));
}

#[test]
fn an_order_or_offer_quoted_with_its_date_is_not_the_invoice_date() {
    let f = read(&[
        "Rechnung Nr. 471102",
        "Ihr Auftrag vom 01.03.2013",
        "Unser Angebot vom 20.02.2013",
        "Datum 05.03.2013",
    ]);
    assert_eq!(v(&f.date), Some("2013-03-05".to_owned()));
}

#[test]
fn a_letter_head_with_a_weekday_dates_the_letter() {
    let f = read(&["Rechnung Nr. 471102", "                              München, Dienstag, 5. März 2013"]);
    assert_eq!(v(&f.date), Some("2013-03-05".to_owned()));
}

#[test]
fn a_bare_sum_above_the_tax_line_is_the_net_when_the_three_add_up() {
    let mut lines = vec!["Rechnung                               Rechnungsnummer: 471102"];
    lines.extend(ITEMS);
    lines.extend([
        "                              Summe                                    225,00",
        "                              MwSt.                                     30,75",
        "                              Gesamt                                   255,75",
    ]);
    assert_eq!(totals(&read(&lines)), some("225.00", "30.75", "255.75"));
}

#[test]
fn a_receipt_total_above_its_included_tax_stays_the_total() {
    let f = read(&[
        "KASSENBON",
        "Total                 12,00",
        "MwSt. 7 %              0,79",
        "Netto                 11,21",
    ]);
    assert_eq!(totals(&f), some("11.21", "0.79", "12.00"));
}

#[test]
fn a_receipt_number_after_quittung_is_read() {
    let f = read(&["Taxiunternehmen TX GmbH", "Quittung Nr. 1234", "Fahrtdatum: 05.03.2013", "Fahrpreis 16,90 €"]);
    assert_eq!(v(&f.invoice_number), Some("1234".to_owned()));
}

#[test]
fn a_header_row_with_values_aligned_otherwise_pairs_its_cells_in_order() {
    let f = read(&[
        "Rechnung",
        "Kundennummer                Rechnungsnummer             Rechnungsdatum              Lieferdatum      Seite",
        "             GE2020211                        471102                  05.03.2013       04.03.2013      1",
    ]);
    assert_eq!(v(&f.invoice_number), Some("471102".to_owned()));
    assert_eq!(v(&f.date), Some("2013-03-05".to_owned()));
}

#[test]
fn a_header_row_with_fewer_values_than_cells_gives_no_number() {
    let f = read(&[
        "Rechnung",
        "Kundennummer                Rechnungsnummer             Seite",
        "             GE2020211                                         1",
    ]);
    assert_eq!(v(&f.invoice_number), None);
}

#[test]
fn document_number_and_date_labels_are_read() {
    let f = read(&["Rechnung", "Dokumentnummer: 471102", "Dokumentdatum: 05.03.2013"]);
    assert_eq!(v(&f.invoice_number), Some("471102".to_owned()));
    assert_eq!(v(&f.date), Some("2013-03-05".to_owned()));
}

#[test]
fn tax_rows_with_the_rate_before_the_tax_word_make_the_breakdown() {
    let mut lines = vec!["Rechnung                               Rechnungsnummer: 471102"];
    lines.extend(ITEMS);
    lines.extend([
        "                              Summe netto                              225,00",
        "                              19 % MwSt.                                23,75",
        "                              7 % MwSt.                                  7,00",
        "                              Summe brutto                             255,75",
    ]);
    let f = read(&lines);
    assert_eq!(totals(&f), some("225.00", "30.75", "255.75"));
}

#[test]
fn a_price_including_tax_in_running_text_is_no_tax_row() {
    let f = read(&[
        "Rechnung Nr. 471102",
        "Pauschale Wartung, Preis inkl. 19 % MwSt.                148,75",
        "Nettobetrag                                              125,00",
        "Bruttobetrag                                             148,75",
    ]);
    let rows = v(&f.vat_breakdown).unwrap_or_default();
    assert!(rows.iter().all(|r| r.tax_amount != "148.75"), "{rows:?}");
}

#[test]
fn bare_netto_and_brutto_cells_name_the_totals() {
    let mut lines = vec!["Rechnung                               Rechnungsnummer: 471102"];
    lines.extend(ITEMS);
    lines.extend([
        "                              Netto                                225,00 €",
        "                              MwSt.                                 30,75 €",
        "                              Brutto                               255,75 €",
    ]);
    assert_eq!(totals(&read(&lines)), some("225.00", "30.75", "255.75"));
}

#[test]
fn a_header_row_with_a_bare_date_and_integers_keeps_its_date_label() {
    // "1234" (a customer number) is no money amount: the row is a header's values, not a position.
    let f = read(&[
        "RECHNUNG",
        "Rechnungs-Nr.    Datum         Kunden-Nr.",
        "A2024-8496       23.01.2024    1234",
        "Bitte überweisen Sie den Restbetrag, Anzahlung vom 16.01.2024 abgezogen.",
    ]);
    assert_eq!(v(&f.date), Some("2024-01-23".to_owned()));
}

#[test]
fn a_column_of_dates_under_a_date_header_is_positions_even_without_amounts() {
    // OCR read the table's amounts as a block of their own, further down.
    let f = read(&[
        "Rechnung",
        "Datum Leistung",
        "07.10.2024 Hausmeisterdienst",
        "04.10.2024 Gartenpflege",
        "Rechnung Nr.",
        "RE2024-9274",
        "19.10.2024",
    ]);
    assert_ne!(v(&f.date), Some("2024-10-07".to_owned()));
}

/// EN 16931 reading views name the totals by their business terms: "Gesamtbetrag ohne
/// Umsatzsteuer" (BT-109) and "Gesamtbetrag einschließlich Umsatzsteuer" (BT-112). Read as
/// one "Gesamtbetrag" and a VAT mention, they were no HT and no TTC, and the totals came from
/// arithmetic on the tax alone.
#[test]
fn totals_named_without_and_including_the_tax_are_labels() {
    let lines = [
        "Rechnungsnummer:                                  RE2024-9711",
        "    Summe aller Positionen netto:                    4.471,52",
        "    Gesamtbetrag ohne Umsatzsteuer:                  4.473,69",
        "    Summe Umsatzsteuer:                                584,76",
        "    Gesamtbetrag einschließlich Umsatzsteuer:        5.058,45",
        "    Rechnungsbetrag inkl. MwSt.                      5.058,45",
        "    Fälliger Betrag:                                 4.972,45",
    ];
    let f = read(&lines);
    assert_eq!(totals(&f), some("4473.69", "584.76", "5058.45"));
    assert!(f.totals_rule.as_deref().is_some_and(|r| r.starts_with("labels ht:6")), "{:?}", f.totals_rule);
}

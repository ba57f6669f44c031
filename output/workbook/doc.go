// Package workbook writes spsim's results as an Excel workbook (.xlsx), for
// commissioners who work in spreadsheets.
//
// A workbook opens on a summary sheet in plain words (%, £, weeks), with
// the verdict when there is one, followed by the full KPI table, the weekly
// table and charts. Every number is stored as a number; its cell format
// shows the unit, so a sum or a chart made in the spreadsheet still works.
//
// Workbooks are reproducible: the document properties' created and
// modified times are pinned to a fixed date (Pinned) and the zip entries
// carry no times, so the same results give byte-identical files.
//
// The package uses github.com/xuri/excelize/v2, the maintained, pure-Go
// library for the Office Open XML spreadsheet format (with charts).
package workbook

package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The portfolio for team leads: charts drawn on the server from the query API's portfolio answers (ageing of open
 * balances, recovery by month of registration, plans by month, promises to pay kept by month, the queue's size by
 * type day by day, and how debtors
 * rated self-service), each with a table of the same numbers, and the debtors' latest comments.
 */
@Controller
class PortfolioPages {

    /** A chart: its title, its SVG, and its numbers as a table (its caption, a header row, then rows). */
    record Chart(String id, String title, String svg, String caption, List<String> head, List<List<String>> rows) {
    }

    private final LedgerApi api;
    private final Today today;

    PortfolioPages(LedgerApi api, Today today) {
        this.api = api;
        this.today = today;
    }

    @GetMapping("/console/portfolio")
    String portfolio(@RequestParam(defaultValue = "") String asOf, @RequestParam(defaultValue = "") String from,
                     @RequestParam(defaultValue = "") String to, Model model) {
        LocalDate day = asOf.isBlank() ? today.date() : date(asOf);
        YearMonth last = to.isBlank() ? YearMonth.from(day) : month(to);
        YearMonth first = from.isBlank() ? last.minusMonths(11) : month(from);
        // the queue's days end with the range, at most 400 of them
        LocalDate queueTo = last.atEndOfMonth();
        LocalDate queueFrom = first.atDay(1).isBefore(queueTo.minusDays(399)) ? queueTo.minusDays(399) : first.atDay(1);
        Map<String, Object> months = Map.of("from", first.toString(), "to", last.toString());
        Map<String, Object> feedback = api.query(uri -> uri.path("/api/v1/portfolio/feedback")
                .queryParam("from", "{from}").queryParam("to", "{to}").build(months));
        model.addAttribute("asOf", day);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("charts", List.of(
                ageing(api.query(uri -> uri.path("/api/v1/portfolio/ageing").queryParam("asOf", day).build())),
                recovery(api.query(uri -> uri.path("/api/v1/portfolio/recovery").queryParam("from", "{from}")
                        .queryParam("to", "{to}").build(months))),
                plans(api.query(uri -> uri.path("/api/v1/portfolio/plans").queryParam("from", "{from}")
                        .queryParam("to", "{to}").build(months))),
                promises(api.query(uri -> uri.path("/api/v1/portfolio/promises").queryParam("from", "{from}")
                        .queryParam("to", "{to}").build(months))),
                queue(api.query(uri -> uri.path("/api/v1/portfolio/queue").queryParam("from", queueFrom)
                        .queryParam("to", queueTo).build())),
                feedback(feedback)));
        model.addAttribute("comments", feedback.get("comments"));
        return "console/portfolio";
    }

    @SuppressWarnings("unchecked")
    private static Chart ageing(Map<String, Object> answer) {
        List<String> buckets = (List<String>) answer.get("buckets");
        List<SvgChart.Series> series = new ArrayList<>();
        for (Map<String, Object> total : (List<Map<String, Object>>) answer.get("totals")) {
            series.add(new SvgChart.Series((String) total.get("currency"), numbers(total.get("outstandingMinor"))));
        }
        List<String> head = new ArrayList<>(List.of("Creditor", "Currency"));
        buckets.forEach(bucket -> head.add(bucket + " days"));
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> creditor : (List<Map<String, Object>>) answer.get("creditors")) {
            String currency = (String) creditor.get("currency");
            List<String> row = new ArrayList<>(List.of((String) creditor.get("creditorId"), currency));
            List<Long> debts = numbers(creditor.get("debts"));
            List<Long> amounts = numbers(creditor.get("outstandingMinor"));
            for (int i = 0; i < buckets.size(); i++) {
                row.add(amount(amounts.get(i), currency) + " (" + debts.get(i) + ")");
            }
            rows.add(row);
        }
        String currency = series.isEmpty() ? "EUR" : series.get(0).name();
        String title = "Open balances by days past due on " + answer.get("asOf");
        return new Chart("ageing", title, SvgChart.bars(title, buckets, series, minor -> amount(minor, currency)),
                "The numbers: " + title + "; in brackets, how many debts", head, rows);
    }

    @SuppressWarnings("unchecked")
    private static Chart recovery(Map<String, Object> answer) {
        List<SvgChart.Series> series = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int longest = 0;
        for (Map<String, Object> cohort : (List<Map<String, Object>>) answer.get("cohorts")) {
            String name = cohort.get("registrationMonth") + " " + cohort.get("currency");
            String currency = (String) cohort.get("currency");
            List<Long> basisPoints = new ArrayList<>();
            List<String> row = new ArrayList<>(List.of(name, amount(number(cohort.get("placedMinor")), currency)));
            for (Map<String, Object> point : (List<Map<String, Object>>) cohort.get("months")) {
                basisPoints.add(new BigDecimal((String) point.get("share")).movePointRight(4).longValueExact());
                row.add(percent(new BigDecimal((String) point.get("share"))) + " ("
                        + amount(number(point.get("collectedMinor")), currency) + ")");
            }
            longest = Math.max(longest, basisPoints.size());
            series.add(new SvgChart.Series(name, basisPoints));
            rows.add(row);
        }
        List<String> labels = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("Registered", "Placed"));
        for (int i = 0; i < longest; i++) {
            labels.add(Integer.toString(i));
            head.add("Month " + i);
        }
        String title = "Share of placed principal collected by month since registration, " + answer.get("from")
                + " to " + answer.get("to");
        return new Chart("recovery", title, SvgChart.lines(title, labels, series,
                basisPoints -> percent(BigDecimal.valueOf(basisPoints, 4))), "The numbers: " + title
                + "; in brackets, the amount collected", head, rows);
    }

    @SuppressWarnings("unchecked")
    private static Chart plans(Map<String, Object> answer) {
        List<String> labels = new ArrayList<>();
        List<List<Long>> counts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> month : (List<Map<String, Object>>) answer.get("months")) {
            labels.add((String) month.get("month"));
            List<String> row = new ArrayList<>(List.of((String) month.get("month")));
            List<String> kinds = List.of("agreed", "completed", "broken");
            for (int i = 0; i < kinds.size(); i++) {
                counts.get(i).add(number(month.get(kinds.get(i))));
                row.add(Long.toString(number(month.get(kinds.get(i)))));
            }
            rows.add(row);
        }
        String title = "Plans agreed, completed and broken by month, " + answer.get("from") + " to " + answer.get("to");
        return new Chart("plans", title, SvgChart.bars(title, labels, List.of(new SvgChart.Series("agreed",
                        counts.get(0)), new SvgChart.Series("completed", counts.get(1)),
                new SvgChart.Series("broken", counts.get(2))), Long::toString),
                "The numbers: " + title, List.of("Month", "Agreed", "Completed", "Broken"), rows);
    }

    /** The share kept of the promises that came due each month; a month when none did has no bar. */
    @SuppressWarnings("unchecked")
    private static Chart promises(Map<String, Object> answer) {
        List<String> labels = new ArrayList<>();
        List<Long> basisPoints = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> month : (List<Map<String, Object>>) answer.get("months")) {
            String keptShare = (String) month.get("keptShare");
            labels.add((String) month.get("month"));
            basisPoints.add(keptShare == null ? 0 : new BigDecimal(keptShare).movePointRight(4).longValueExact());
            rows.add(List.of((String) month.get("month"), Long.toString(number(month.get("made"))),
                    Long.toString(number(month.get("kept"))), Long.toString(number(month.get("broken"))),
                    keptShare == null ? "–" : percent(new BigDecimal(keptShare))));
        }
        String title = "Promises to pay: the share kept of those kept or broken each month, " + answer.get("from")
                + " to " + answer.get("to");
        return new Chart("promises", title, SvgChart.bars(title, labels,
                List.of(new SvgChart.Series("kept", basisPoints)), points -> percent(BigDecimal.valueOf(points, 4))),
                "The numbers: " + title, List.of("Month", "Made", "Kept", "Broken", "Share kept"), rows);
    }

    /** The lines of the types that had any work in the range; the table lists the days on which a number changed. */
    @SuppressWarnings("unchecked")
    private static Chart queue(Map<String, Object> answer) {
        List<Map<String, Object>> days = (List<Map<String, Object>>) answer.get("days");
        List<String> types = new ArrayList<>();
        for (String type : ((Map<String, Object>) days.get(0).get("open")).keySet()) {
            if (days.stream().anyMatch(day -> number(((Map<String, Object>) day.get("open")).get(type)) > 0)) {
                types.add(type);
            }
        }
        List<String> labels = new ArrayList<>();
        List<SvgChart.Series> series = new ArrayList<>();
        types.forEach(type -> series.add(new SvgChart.Series(type, new ArrayList<>())));
        List<List<String>> rows = new ArrayList<>();
        List<Long> before = null;
        for (Map<String, Object> day : days) {
            labels.add(((String) day.get("date")).substring(5));
            List<Long> open = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                open.add(number(((Map<String, Object>) day.get("open")).get(types.get(i))));
                series.get(i).values().add(open.get(i));
            }
            if (!Objects.equals(open, before)) {
                List<String> row = new ArrayList<>(List.of((String) day.get("date")));
                open.forEach(count -> row.add(Long.toString(count)));
                row.add(Long.toString(number(day.get("total"))));
                rows.add(row);
            }
            before = open;
        }
        List<String> head = new ArrayList<>(List.of("Day"));
        head.addAll(types);
        head.add("All");
        String title = "Open work in the queue by type at the end of each day, " + answer.get("from") + " to "
                + answer.get("to");
        return new Chart("queue", title, SvgChart.lines(title, labels, series, Long::toString),
                "The numbers: " + title + ", on the first day and each day a number changed", head, rows);
    }

    @SuppressWarnings("unchecked")
    private static Chart feedback(Map<String, Object> answer) {
        List<String> labels = new ArrayList<>();
        List<Long> basisPoints = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> month : (List<Map<String, Object>>) answer.get("months")) {
            BigDecimal share = new BigDecimal((String) month.get("positiveShare"));
            labels.add((String) month.get("month"));
            basisPoints.add(share.movePointRight(4).longValueExact());
            rows.add(List.of((String) month.get("month"), Long.toString(number(month.get("answers"))),
                    Long.toString(number(month.get("positive"))), percent(share)));
        }
        String title = "Debtors' answers after acting in self-service: the share rating it 4 or 5 of 5, "
                + answer.get("from") + " to " + answer.get("to");
        return new Chart("feedback", title, SvgChart.bars(title, labels,
                List.of(new SvgChart.Series("positive", basisPoints)), points -> percent(BigDecimal.valueOf(points, 4))),
                "The numbers: " + title, List.of("Month", "Answers", "Positive", "Share positive"), rows);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Long> numbers(Object values) {
        return ((List<Number>) values).stream().map(Number::longValue).toList();
    }

    private static String amount(long minor, String currency) {
        return BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString()
                + " " + currency;
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(2).toPlainString() + " %";
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a date is YYYY-MM-DD");
        }
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a month is YYYY-MM");
        }
    }
}

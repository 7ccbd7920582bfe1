package org.samadhan.analytics.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.samadhan.analytics.GroupBy;
import org.samadhan.analytics.Period;
import org.samadhan.analytics.Selection;
import org.samadhan.analytics.persistence.DeliveryQueries;
import org.samadhan.analytics.persistence.ReviewQueries;

/**
 * For finding out why the review is slow ({@code -Dbench.explain=true}): runs the review's own queries for one
 * scenario on a connection that first has PostgreSQL EXPLAIN (ANALYZE, BUFFERS) each statement with its parameters,
 * and prints the plans. Never part of the figures.
 */
final class QueryPlans {

    private QueryPlans() {
    }

    static void print(DataSource dataSource, ReviewLatency.Scenario scenario) throws Exception {
        LocalDate today = LocalDate.now(Period.IST);
        Period period = new Period(today.minusDays(scenario.days() - 1), today);
        Selection.Role role = scenario.department() == null ? Selection.Role.COLLECTOR
                : Selection.Role.DEPARTMENT_HEAD;
        Selection selection = new Selection(new Selection.Reviewer(role, scenario.department(), null), null, null,
                null);
        GroupBy groupBy = GroupBy.parse(scenario.groupBy());
        Instant now = Instant.now();
        System.out.println("[bench] query plans for " + scenario.name());
        try (Connection real = dataSource.getConnection()) {
            Connection c = explaining(real);
            ReviewQueries.flows(c, "BLD", period, groupBy, selection);
            ReviewQueries.stocks(c, "BLD", now, true, groupBy, selection);
            ReviewQueries.flows(c, "BLD", period, null, selection);
            ReviewQueries.stocks(c, "BLD", now, true, null, selection);
            DeliveryQueries.health(c, "BLD", period.start(), period.end(), selection);
        }
    }

    private static Connection explaining(Connection real) {
        return proxy(Connection.class, (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (method.getName().equals("prepareStatement") && args.length == 1) {
                return statement(real, (String) args[0], (PreparedStatement) result);
            }
            return result;
        });
    }

    private static PreparedStatement statement(Connection real, String sql, PreparedStatement statement) {
        Map<Integer, Object> parameters = new TreeMap<>();
        return proxy(PreparedStatement.class, (proxy, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length == 2
                    && args[0] instanceof Integer index) {
                parameters.put(index, args[1]);
            }
            if (method.getName().equals("executeQuery") && (args == null || args.length == 0)) {
                try (PreparedStatement explain = real.prepareStatement("explain (analyze, buffers) " + sql)) {
                    for (var p : parameters.entrySet()) {
                        explain.setObject(p.getKey(), p.getValue());
                    }
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet r = explain.executeQuery()) {
                        while (r.next()) {
                            plan.append(r.getString(1)).append('\n');
                        }
                    }
                    System.out.println("[bench] " + sql.replaceAll("\\s+", " ") + "\n" + plan);
                }
            }
            return invoke(statement, method, args);
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(QueryPlans.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}

DROP TABLE kpi_values;

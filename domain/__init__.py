"""Pure domain rules: no streamlit, no SQL. Inputs and outputs are plain values and DataFrames."""

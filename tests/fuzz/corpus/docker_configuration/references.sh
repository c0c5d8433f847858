a0="xxxxxxxxxx"
a1="$a0$a0$a0$a0$a0$a0$a0$a0$a0$a0"
a2="$a1$a1$a1$a1$a1$a1$a1$a1$a1$a1"
a3=("${a2}" "${a2}")
b=${a3[1]}

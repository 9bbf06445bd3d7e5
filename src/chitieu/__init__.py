"""chitieu: plan, monitor and report the socio-economic development plans of Vietnamese local governments."""

__version__ = "0.1.0"

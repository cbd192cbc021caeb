package io.microshop.platform;

import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web layer's last word on malformed requests: a garbled {@code Accept} header is read as
 * "anything" (so a refusal still carries its problem details instead of an empty body), and
 * requests Tomcat itself refuses are answered by {@link ProblemErrorReportValve}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer, WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.strategies(List.of(new HeaderContentNegotiationStrategy() {

			@Override
			public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
				try {
					return super.resolveMediaTypes(request);
				}
				catch (HttpMediaTypeNotAcceptableException ex) {
					return MEDIA_TYPE_ALL_LIST;
				}
			}

		}));
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				host.getPipeline().addValve(new ProblemErrorReportValve());
			}
		});
	}

	/** After Boot's own Tomcat customizer, which installs the plain error report valve. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
